using Engine.Lexing.Internal;

namespace Engine.Lexing;

/// <summary>
/// Interns terms (normalized stems) as dense integer ids. Lookups take a span and allocate only
/// the first time a term is seen. Append-only, so an id stays valid for the table's lifetime;
/// not thread-safe: give each worker its own table.
/// </summary>
public sealed class TermTable
{
    private readonly SpanMap _ids;
    private readonly List<string> _terms;

    /// <summary>Creates an empty table.</summary>
    public TermTable(int capacity = 1024)
    {
        _ids = new SpanMap(capacity);
        _terms = new List<string>(capacity);
    }

    /// <summary>How many distinct terms the table holds.</summary>
    public int Count => _terms.Count;

    /// <summary>The id of <paramref name="term"/>, adding it if it is new.</summary>
    public int GetOrAdd(ReadOnlySpan<char> term)
    {
        if (_ids.TryGetValue(term, out int id))
        {
            return id;
        }

        id = _terms.Count;
        string s = term.ToString();
        _ids.Add(s, id);
        _terms.Add(s);
        return id;
    }

    /// <summary>The id of <paramref name="term"/>, or -1 when the table has never seen it.</summary>
    public int Find(ReadOnlySpan<char> term) => _ids.TryGetValue(term, out int id) ? id : -1;

    /// <summary>The term with id <paramref name="id"/>.</summary>
    public string this[int id] => _terms[id];

    /// <summary>Forgets every term (ids are reused from 0).</summary>
    public void Clear()
    {
        _ids.Clear();
        _terms.Clear();
    }
}
