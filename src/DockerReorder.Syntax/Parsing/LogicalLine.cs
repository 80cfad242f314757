using System.Text;

namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// An instruction's logical line: the pieces of its physical lines BuildKit joins (continuations removed,
/// comment and empty lines skipped), with a map from logical offsets back to source offsets.
/// </summary>
internal sealed class LogicalLine
{
    private readonly string _source;
    private readonly StringBuilder _builder = new();
    private int[] _logicalStarts = new int[8];
    private int[] _sourceStarts = new int[8];
    private int _count;
    private int _length;
    private int _anchor;
    private int _lastSourceEnd;

    public LogicalLine(string source) => _source = source;

    /// <summary>The joined text.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Starts a new line; <paramref name="anchor"/> is where an empty line maps to.</summary>
    public void Reset(int anchor)
    {
        _count = 0;
        _length = 0;
        _anchor = anchor;
        _lastSourceEnd = anchor;
        Text = string.Empty;
    }

    /// <summary>Appends <c>source[start..end)</c>.</summary>
    public void Add(int start, int end)
    {
        if (end <= start) return;
        if (_count == _logicalStarts.Length)
        {
            Array.Resize(ref _logicalStarts, _count * 2);
            Array.Resize(ref _sourceStarts, _count * 2);
        }
        _logicalStarts[_count] = _length;
        _sourceStarts[_count] = start;
        _count++;
        _length += end - start;
        _lastSourceEnd = end;
    }

    /// <summary>Materialises <see cref="Text"/>.</summary>
    public void Build()
    {
        if (_count == 0) { Text = string.Empty; return; }
        if (_count == 1) { Text = _source.Substring(_sourceStarts[0], _length); return; }
        _builder.Clear();
        _builder.EnsureCapacity(_length);
        for (int i = 0; i < _count; i++)
        {
            int len = (i + 1 < _count ? _logicalStarts[i + 1] : _length) - _logicalStarts[i];
            _builder.Append(_source, _sourceStarts[i], len);
        }
        Text = _builder.ToString();
    }

    /// <summary>Source offset of the character at logical <paramref name="logical"/> (the end of the text maps past the last piece).</summary>
    public int ToSourceStart(int logical)
    {
        if (_count == 0) return _anchor;
        if (logical >= _length) return _lastSourceEnd;
        int seg = Segment(logical);
        return _sourceStarts[seg] + (logical - _logicalStarts[seg]);
    }

    /// <summary>Source offset just past the character before logical <paramref name="logicalEnd"/>.</summary>
    public int ToSourceEnd(int logicalEnd)
    {
        if (_count == 0) return _anchor;
        if (logicalEnd <= 0) return _sourceStarts[0];
        int seg = Segment(logicalEnd - 1);
        return _sourceStarts[seg] + (logicalEnd - 1 - _logicalStarts[seg]) + 1;
    }

    private int Segment(int logical)
    {
        if (_count == 1) return 0;
        int idx = Array.BinarySearch(_logicalStarts, 0, _count, logical);
        return idx >= 0 ? idx : ~idx - 1;
    }
}
