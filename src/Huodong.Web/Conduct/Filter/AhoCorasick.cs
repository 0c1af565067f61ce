namespace Huodong.Web.Conduct.Filter;

/// <summary>
/// Aho–Corasick over normalized text: every pattern found in one left-to-right pass, whatever the number of
/// patterns. Transitions live in one hash table keyed by (state, char); the root's transitions in a dense array,
/// since most characters of ordinary text leave the automaton at the root.
/// </summary>
public sealed class AhoCorasick
{
    private readonly Dictionary<long, int> _next = new();   // used while building
    private long[] _keys = [];                              // the same transitions, flat, for the scan
    private int[] _values = [];
    private int _shift;
    private readonly int[] _rootNext = new int[char.MaxValue + 1];
    private int[] _fail = [];
    private int[] _output = [];      // pattern index ending exactly at the state, or -1
    private int[] _outputLink = [];  // nearest state on the fail chain with an output, or -1
    private int[] _depth = [];
    private readonly IReadOnlyList<string> _patterns;

    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        _patterns = patterns;
        Build();
    }

    public int PatternCount => _patterns.Count;

    private static long Key(int state, char c) => ((long)state << 16) | c;

    private void Build()
    {
        var output = new List<int> { -1 };
        var depth = new List<int> { 0 };
        for (var p = 0; p < _patterns.Count; p++)
        {
            var pattern = _patterns[p];
            if (pattern.Length == 0) continue;
            var state = 0;
            foreach (var c in pattern)
            {
                if (!_next.TryGetValue(Key(state, c), out var to))
                {
                    to = output.Count;
                    output.Add(-1);
                    depth.Add(depth[state] + 1);
                    _next[Key(state, c)] = to;
                }
                state = to;
            }
            if (output[state] < 0) output[state] = p; // a duplicate pattern keeps the first entry
        }
        var count = output.Count;
        _output = output.ToArray();
        _depth = depth.ToArray();
        _fail = new int[count];
        _outputLink = Enumerable.Repeat(-1, count).ToArray();

        // Children of each state, for the breadth-first pass that sets fail links.
        var children = new List<(char C, int To)>[count];
        foreach (var (key, to) in _next)
        {
            var from = (int)(key >> 16);
            (children[from] ??= []).Add(((char)(key & 0xFFFF), to));
        }
        foreach (var (c, to) in children[0] ?? []) _rootNext[c] = to;
        BuildTable();

        var queue = new Queue<int>();
        foreach (var (_, to) in children[0] ?? []) { _fail[to] = 0; queue.Enqueue(to); }
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var (c, to) in children[s] ?? [])
            {
                var f = _fail[s];
                _fail[to] = Step(f, c);
                var fl = _fail[to];
                _outputLink[to] = _output[fl] >= 0 ? fl : _outputLink[fl];
                queue.Enqueue(to);
            }
        }
    }

    /// <summary>
    /// Open addressing with linear probing over a power-of-two table at most half full: a key is never 0, because
    /// the root's transitions (state 0) live in the dense array.
    /// </summary>
    private void BuildTable()
    {
        var size = 16;
        while (size < _next.Count * 2) size <<= 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        _keys = new long[size];
        _values = new int[size];
        foreach (var (key, to) in _next)
        {
            if (key >> 16 == 0) continue;
            var i = Slot(key);
            while (_keys[i] != 0) i = (i + 1) & (size - 1);
            _keys[i] = key;
            _values[i] = to;
        }
    }

    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    private int Lookup(long key)
    {
        var mask = _keys.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            var k = _keys[i];
            if (k == key) return _values[i];
            if (k == 0) return -1;
        }
    }

    private int Step(int state, char c)
    {
        while (true)
        {
            if (state == 0) return _rootNext[c];
            var to = Lookup(Key(state, c));
            if (to >= 0) return to;
            state = _fail[state];
        }
    }

    /// <summary>Every occurrence in <paramref name="text"/>: pattern index, start and length in the text.</summary>
    public List<Match> FindAll(ReadOnlySpan<char> text)
    {
        var found = new List<Match>();
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            state = Step(state, text[i]);
            for (var s = _output[state] >= 0 ? state : _outputLink[state]; s > 0; s = _outputLink[s])
            {
                var len = _depth[s];
                found.Add(new Match(_output[s], i - len + 1, len));
            }
        }
        return found;
    }

    /// <summary>Whether anything matches: stops at the first hit.</summary>
    public bool Any(ReadOnlySpan<char> text)
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            state = Step(state, text[i]);
            if (_output[state] >= 0 || _outputLink[state] > 0) return true;
        }
        return false;
    }

    public readonly record struct Match(int Pattern, int Start, int Length);
}
