namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// An instruction's logical line: the pieces of its physical lines BuildKit joins (continuations removed,
/// comment and empty lines skipped), with a map from logical offsets back to source offsets.
/// </summary>
internal sealed class LogicalLine
{
    private readonly string _source;
    private int[] _logicalStarts = new int[8];
    private int[] _sourceStarts = new int[8];
    private int _count;
    private int _length;
    private int _anchor;
    private int _lastSourceEnd;

    public LogicalLine(string source) => _source = source;

    /// <summary>
    /// The string the logical offsets index: the source itself when the line is one piece (no copy), else the joined
    /// pieces. The logical line is <c>Line[Start..End)</c>.
    /// </summary>
    public string Line { get; private set; } = string.Empty;

    /// <summary>Where the logical line starts in <see cref="Line"/>.</summary>
    public int Start { get; private set; }

    /// <summary>Where the logical line ends in <see cref="Line"/>.</summary>
    public int End { get; private set; }

    /// <summary>The logical line as its own string (copies the source for a one-piece line; for the rare paths).</summary>
    public string Text => Start == 0 && End == Line.Length ? Line : Line.Substring(Start, End - Start);

    /// <summary>Starts a new line; <paramref name="anchor"/> is where an empty line maps to.</summary>
    public void Reset(int anchor)
    {
        _count = 0;
        _length = 0;
        _anchor = anchor;
        _lastSourceEnd = anchor;
        Line = string.Empty;
        Start = End = 0;
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

    /// <summary>Sets <see cref="Line"/>, <see cref="Start"/> and <see cref="End"/>.</summary>
    public void Build()
    {
        if (_count == 0) { Line = string.Empty; Start = End = 0; return; }
        if (_count == 1) { Line = _source; Start = _sourceStarts[0]; End = Start + _length; return; }
        // Copied straight into the string: no builder buffer the size of the line (a long continued RUN).
        Line = string.Create(_length, this, static (line, self) =>
        {
            for (int i = 0; i < self._count; i++)
            {
                int len = (i + 1 < self._count ? self._logicalStarts[i + 1] : self._length) - self._logicalStarts[i];
                self._source.AsSpan(self._sourceStarts[i], len).CopyTo(line[self._logicalStarts[i]..]);
            }
        });
        Start = 0;
        End = Line.Length;
    }

    /// <summary>Source offset of the character at logical <paramref name="logical"/> (the end of the text maps past the last piece).</summary>
    public int ToSourceStart(int logical)
    {
        if (_count == 0) return _anchor;
        if (_count == 1) return Math.Min(logical, _lastSourceEnd); // one piece: logical offsets are source offsets
        if (logical >= _length) return _lastSourceEnd;
        int seg = Segment(logical);
        return _sourceStarts[seg] + (logical - _logicalStarts[seg]);
    }

    /// <summary>Source offset just past the character before logical <paramref name="logicalEnd"/>.</summary>
    public int ToSourceEnd(int logicalEnd)
    {
        if (_count == 0) return _anchor;
        if (_count == 1) return Math.Max(logicalEnd, _sourceStarts[0]);
        if (logicalEnd <= 0) return _sourceStarts[0];
        int seg = Segment(logicalEnd - 1);
        return _sourceStarts[seg] + (logicalEnd - 1 - _logicalStarts[seg]) + 1;
    }

    private int Segment(int logical)
    {
        int idx = Array.BinarySearch(_logicalStarts, 0, _count, logical);
        return idx >= 0 ? idx : ~idx - 1;
    }
}
