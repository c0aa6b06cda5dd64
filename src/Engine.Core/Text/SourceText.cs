using System.Text;

namespace Engine.Text;

/// <summary>
/// An immutable text stored as chunks of at most a few thousand characters. <see cref="WithChanges"/>
/// makes a new text that shares every chunk the changes do not touch (like Roslyn's
/// <c>SourceText.WithChanges</c>), so a snapshot per edit costs the edited chunks, not the document.
/// </summary>
public sealed class SourceText
{
    /// <summary>The size chunks are cut to.</summary>
    public const int ChunkSize = 4096;

    private readonly string[] _chunks;
    private readonly int[] _starts; // start of each chunk; _starts[^1] == Length
    private string? _text;

    private SourceText(string[] chunks)
    {
        _chunks = chunks;
        _starts = new int[chunks.Length + 1];
        for (int i = 0; i < chunks.Length; i++)
        {
            _starts[i + 1] = _starts[i] + chunks[i].Length;
        }
    }

    /// <summary>The length in UTF-16 code units.</summary>
    public int Length => _starts[^1];

    /// <summary>The chunks, for tests that check what two versions share.</summary>
    public IReadOnlyList<string> Chunks => _chunks;

    /// <summary>A text from a string.</summary>
    public static SourceText From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = new List<string>((text.Length / ChunkSize) + 1);
        Cut(text, chunks);
        return new SourceText([.. chunks]) { _text = text };
    }

    /// <summary>
    /// The text after <paramref name="changes"/> (offsets into this text, not overlapping; the
    /// order does not matter). Throws <see cref="EngineException"/> for a change out of range,
    /// reversed, or overlapping another; this text is unchanged either way.
    /// </summary>
    public SourceText WithChanges(IReadOnlyList<TextChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return WithOrderedChanges(Validate(changes, Length));
    }

    /// <summary>The text after changes already checked and sorted by <see cref="Validate"/>.</summary>
    internal SourceText WithOrderedChanges(TextChange[] ordered)
    {
        if (ordered.Length == 0)
        {
            return this;
        }

        var chunks = new List<string>(_chunks.Length + 2);
        var pending = new StringBuilder();
        int c = 0;
        int at = 0; // position in this text up to which content is accounted for
        foreach (TextChange change in ordered)
        {
            // Chunks that end before the change are shared as they are (if nothing is pending).
            while (c < _chunks.Length && _starts[c + 1] < change.Start)
            {
                if (pending.Length == 0 && at == _starts[c])
                {
                    chunks.Add(_chunks[c]);
                }
                else
                {
                    pending.Append(_chunks[c], at - _starts[c], _starts[c + 1] - at);
                    Flush(pending, chunks, final: false);
                }

                at = _starts[c + 1];
                c++;
            }

            AppendRange(pending, at, change.Start);
            pending.Append(change.NewText);
            at = change.End;
            while (c < _chunks.Length && _starts[c + 1] <= at)
            {
                c++;
            }
        }

        // Finish the chunk the last change ended in, then share the rest.
        if (c < _chunks.Length)
        {
            AppendRange(pending, at, _starts[c + 1]);
            at = _starts[c + 1];
            c++;
        }

        Flush(pending, chunks, final: true);
        for (; c < _chunks.Length; c++)
        {
            chunks.Add(_chunks[c]);
        }

        return new SourceText([.. chunks]);
    }

    /// <summary>The characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public string Substring(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Length);
        if (_text is not null)
        {
            return _text.Substring(start, length);
        }

        return string.Create(length, (this, start), static (span, state) => state.Item1.CopyTo(state.start, span));
    }

    /// <summary>The character at <paramref name="position"/>.</summary>
    public char this[int position]
    {
        get
        {
            if ((uint)position >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }

            int c = ChunkAt(position);
            return _chunks[c][position - _starts[c]];
        }
    }

    /// <summary>The first <paramref name="value"/> at or after <paramref name="from"/>, or −1.</summary>
    public int IndexOf(char value, int from)
    {
        if (from >= Length)
        {
            return -1;
        }

        for (int c = ChunkAt(Math.Max(0, from)); c < _chunks.Length; c++)
        {
            int offset = Math.Max(0, from - _starts[c]);
            int found = _chunks[c].AsSpan(offset).IndexOf(value);
            if (found >= 0)
            {
                return _starts[c] + offset + found;
            }
        }

        return -1;
    }

    /// <summary>Copies the characters from <paramref name="start"/> into all of <paramref name="destination"/>.</summary>
    public void CopyTo(int start, Span<char> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        for (int c = ChunkAt(start), at = start, written = 0; written < destination.Length; c++)
        {
            int take = Math.Min(destination.Length - written, _starts[c + 1] - at);
            _chunks[c].AsSpan(at - _starts[c], take).CopyTo(destination[written..]);
            written += take;
            at += take;
        }
    }

    private int ChunkAt(int position)
    {
        int c = Array.BinarySearch(_starts, position);
        c = c >= 0 ? c : ~c - 1;
        while (c < _chunks.Length - 1 && _starts[c + 1] == position)
        {
            c++; // skip empty chunks
        }

        return Math.Min(c, Math.Max(0, _chunks.Length - 1));
    }

    /// <summary>The whole text (built once per version, on first use).</summary>
    public override string ToString() => _text ??= string.Concat(_chunks);

    private void AppendRange(StringBuilder builder, int start, int end)
    {
        if (start >= end)
        {
            return;
        }

        for (int c = ChunkAt(start), at = start; at < end; c++)
        {
            int take = Math.Min(end, _starts[c + 1]) - at;
            builder.Append(_chunks[c], at - _starts[c], take);
            at += take;
        }
    }

    private static void Flush(StringBuilder pending, List<string> chunks, bool final)
    {
        if (pending.Length >= ChunkSize || (final && pending.Length > 0))
        {
            Cut(pending.ToString(), chunks);
            pending.Clear();
        }
    }

    private static void Cut(string text, List<string> chunks)
    {
        for (int at = 0; at < text.Length; at += ChunkSize)
        {
            chunks.Add(text.Substring(at, Math.Min(ChunkSize, text.Length - at)));
        }
    }

    /// <summary>Sorts and checks changes like Roslyn's <c>WithChanges</c>.</summary>
    internal static TextChange[] Validate(IReadOnlyList<TextChange> changes, int length)
    {
        TextChange[] ordered = [.. changes.OrderBy(x => x.Start).ThenBy(x => x.End)];
        int at = 0;
        foreach (TextChange change in ordered)
        {
            if (change.Start < 0 || change.End < change.Start || change.End > length)
            {
                throw new EngineException(Problem.ChangeOutsideText, change.Start, change.End, length);
            }

            if (change.Start < at)
            {
                throw new EngineException(Problem.ChangesOverlap, change.Start, change.End);
            }

            if (change.NewText is null)
            {
                throw new EngineException(Problem.ChangeWithoutText, change.Start, change.End);
            }

            at = change.End;
        }

        return ordered;
    }
}
