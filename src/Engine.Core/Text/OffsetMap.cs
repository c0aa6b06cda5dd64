using System.Buffers;
using System.Text;
using Engine.Buffers;

namespace Engine.Text;

/// <summary>
/// Converts offsets between UTF-16 code units (the engine's unit) and the unit a client counts in.
/// Built once per text in one pass over a rented array; conversions are O(1) to the client's unit
/// and O(log n) back. An offset that falls inside a character (between the halves of a surrogate
/// pair, or inside a UTF-8 sequence) is rejected.
/// </summary>
public sealed class OffsetMap : IDisposable
{
    private readonly int[]? _toUnit; // UTF-16 position → unit offset; -1 inside a surrogate pair
    private readonly int _length;
    private readonly Func<int, char>? _charAt; // for UTF-16: finds the middle of a surrogate pair

    private OffsetMap(int length, Func<int, char> charAt)
    {
        Unit = OffsetUnit.Utf16;
        _length = length;
        _charAt = charAt;
        UnitLength = length;
    }

    /// <summary>The map for a document version: for UTF-16 its length is all it needs, so the text is not joined.</summary>
    public static OffsetMap For(SourceText text, OffsetUnit unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        return unit == OffsetUnit.Utf16 ? new OffsetMap(text.Length, i => text[i]) : new OffsetMap(text.ToString(), unit);
    }

    /// <summary>Builds the map for <paramref name="text"/>.</summary>
    public OffsetMap(string text, OffsetUnit unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        Unit = unit;
        _length = text.Length;
        if (unit == OffsetUnit.Utf16)
        {
            UnitLength = text.Length;
            _charAt = i => text[i];
            return;
        }

        _toUnit = EnginePools.Arrays<int>().Rent(text.Length + 1);
        int at = 0;
        int i = 0;
        while (i < text.Length)
        {
            _toUnit[i] = at;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                _toUnit[i + 1] = -1;
                at += unit == OffsetUnit.Utf8 ? 4 : 1;
                i += 2;
                continue;
            }

            char c = text[i];
            at += unit == OffsetUnit.CodePoint ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3; // a lone surrogate becomes U+FFFD: 3 bytes
            i++;
        }

        _toUnit[text.Length] = at;
        UnitLength = at;
    }

    /// <summary>The client's unit.</summary>
    public OffsetUnit Unit { get; }

    /// <summary>The text's length in the client's unit.</summary>
    public long UnitLength { get; }

    /// <summary>A UTF-16 offset in the client's unit.</summary>
    public long ToUnit(int utf16)
    {
        if ((uint)utf16 > (uint)_length)
        {
            throw new ArgumentOutOfRangeException(nameof(utf16), utf16, "Offset is outside the text.");
        }

        return _toUnit is null ? utf16 : _toUnit[utf16];
    }

    /// <summary>The UTF-16 offset of a client offset; false when it is outside the text or inside a character.</summary>
    public bool TryFromUnit(long offset, out int utf16)
    {
        utf16 = -1;
        if (offset < 0 || offset > UnitLength)
        {
            return false;
        }

        if (_toUnit is null)
        {
            int at = (int)offset;
            if (at > 0 && at < _length && _charAt is not null && char.IsHighSurrogate(_charAt(at - 1)) && char.IsLowSurrogate(_charAt(at)))
            {
                return false; // between the halves of a surrogate pair
            }

            utf16 = at;
            return true;
        }

        int lo = 0;
        int hi = _length;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) / 2);
            int value = _toUnit[mid];
            if (value == -1)
            {
                value = _toUnit[mid - 1]; // the middle of a pair sorts with its high half
                if (value == offset)
                {
                    utf16 = mid - 1;
                    return true;
                }
            }

            if (value == offset)
            {
                utf16 = mid;
                return true;
            }

            if (value < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    /// <summary>Returns the rented array.</summary>
    public void Dispose()
    {
        if (_toUnit is not null)
        {
            EnginePools.Arrays<int>().Return(_toUnit);
        }
    }

    /// <summary>Slices <paramref name="text"/> by offsets in <paramref name="unit"/> (for tests and clients' examples).</summary>
    public static string Slice(string text, long start, long end, OffsetUnit unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (unit)
        {
            case OffsetUnit.Utf16:
                return text[(int)start..(int)end];
            case OffsetUnit.CodePoint:
                var runes = text.EnumerateRunes().ToArray();
                var sb = new StringBuilder();
                for (long i = start; i < end; i++)
                {
                    sb.Append(runes[i].ToString());
                }

                return sb.ToString();
            default:
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                return Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start));
        }
    }
}
