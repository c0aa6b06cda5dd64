using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Engine.Lexing.Internal;

/// <summary>
/// A string-to-int hash map looked up by <see cref="ReadOnlySpan{T}"/>, tuned for short words and
/// for the cache: open addressing over one flat slot array (hash, value, key position), the keys'
/// characters side by side in one arena, so a lookup touches two cache lines at most. The hash
/// takes two characters per step and is seeded per instance, so crafted input cannot predict
/// collisions.
/// </summary>
internal sealed class SpanMap
{
    private readonly uint _seed = (uint)Random.Shared.Next();
    private Slot[] _slots;
    private char[] _arena;
    private int _arenaUsed;
    private int _count;

    public SpanMap(int capacity)
    {
        _slots = new Slot[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2))];
        _arena = new char[Math.Max(64, capacity * 8)];
    }

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ReadOnlySpan<char> key, out int value)
    {
        uint hash = Hash(key, _seed);
        Slot[] slots = _slots;
        uint mask = (uint)slots.Length - 1;
        for (uint i = hash & mask; ; i = (i + 1) & mask)
        {
            ref Slot s = ref slots[i];
            if (s.Hash == hash && s.KeyLength == key.Length && key.SequenceEqual(_arena.AsSpan(s.KeyStart, s.KeyLength)))
            {
                value = s.Value;
                return true;
            }

            if (s.Hash == 0)
            {
                value = 0;
                return false;
            }
        }
    }

    /// <summary>Adds a key that is not in the map yet.</summary>
    public void Add(ReadOnlySpan<char> key, int value)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        if (_arenaUsed + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + key.Length));
        }

        key.CopyTo(_arena.AsSpan(_arenaUsed));
        Insert(_slots, new Slot { Hash = Hash(key, _seed), Value = value, KeyStart = _arenaUsed, KeyLength = key.Length });
        _arenaUsed += key.Length;
        _count++;
    }

    public void Clear()
    {
        Array.Clear(_slots);
        _arenaUsed = 0;
        _count = 0;
    }

    private static void Insert(Slot[] slots, in Slot slot)
    {
        uint mask = (uint)slots.Length - 1;
        uint i = slot.Hash & mask;
        while (slots[i].Hash != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = slot;
    }

    private void Grow()
    {
        var slots = new Slot[_slots.Length * 2];
        foreach (ref readonly Slot s in _slots.AsSpan())
        {
            if (s.Hash != 0)
            {
                Insert(slots, s);
            }
        }

        _slots = slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> key, uint seed)
    {
        // Four characters per multiply keeps the dependency chain short for typical words.
        ulong h = seed ^ ((ulong)key.Length << 32);
        ReadOnlySpan<ulong> quads = MemoryMarshal.Cast<char, ulong>(key);
        foreach (ulong q in quads)
        {
            h = (h ^ q) * 0x9E3779B97F4A7C15ul;
        }

        int done = quads.Length * 4;
        if (key.Length - done >= 2)
        {
            h = (h ^ MemoryMarshal.Read<uint>(MemoryMarshal.AsBytes(key[done..]))) * 0x9E3779B97F4A7C15ul;
            done += 2;
        }

        if (done < key.Length)
        {
            h = (h ^ key[done]) * 0x9E3779B97F4A7C15ul;
        }

        h ^= h >> 29;
        return (uint)(h ^ (h >> 32)) | 1; // 0 marks an empty slot
    }

    private struct Slot
    {
        public uint Hash;
        public int Value;
        public int KeyStart;
        public int KeyLength;
    }
}
