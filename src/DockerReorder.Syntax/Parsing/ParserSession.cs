namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// One parse: walks the physical lines as BuildKit's <c>Parse</c> does (directives, comments, continuations,
/// heredoc bodies) and builds the lossless tree, every character landing in exactly one token or trivia.
/// </summary>
internal sealed class ParserSession
{
    private const long MaxLineBytes = 65535;
    private readonly SourceText _source;
    private readonly string _text;
    private readonly TriviaScanner _trivia;
    private readonly LogicalLine _line;
    private readonly List<SyntaxDiagnostic> _diagnostics = [];
    private InstructionSyntax[] _instructions = new InstructionSyntax[16];
    private int _instructionCount;
    private readonly List<SyntaxTrivia> _header = [];
    private readonly List<ParserDirectiveSyntax> _directives = [];
    private readonly List<TokenSpec> _specs = [];
    private readonly ParseScratch _scratch = new();
    private readonly List<HeredocHeader> _heredocHeaders = [];
    private char _escape = '\\';
    private int _linesEnded; // 1-based number of the line last ended by LineEnd: lines are counted as they are read
    private int _lastLineStart; // where that line starts
    private int _lineEndOfLast; // and where it ends
    private (int Line, int Start, int End) _instructionLine; // the first line of the instruction being read
    private bool _lineTooLongReported;
    private bool _rebuilding;
    private InstructionTokens? _rebuilt;
    private IReadOnlyList<HeredocSyntax>? _knownHeredocs; // a rebuilt instruction's heredocs, whose bodies are not copied again
    private InstructionHead? _knownHead; // a rebuilt instruction's keyword and flag tokens, made before and reused
    private bool _argumentsTextOnly; // a rebuild that only wants the arguments text
    private string? _rebuiltArgumentsText;
    private bool _argumentsOnly; // a rebuild that only wants the arguments
    private IReadOnlyList<string>? _rebuiltArguments;

    public ParserSession(SourceText source)
    {
        _source = source;
        _text = source.Text;
        _trivia = new TriviaScanner(_text);
        _line = new LogicalLine(_text);
    }

    /// <summary>
    /// Makes the tokens of the instruction whose keyword is at <paramref name="spanStart"/> by reading it again, exactly as
    /// <see cref="Run"/> read it (the same code on the same text with the same escape character gives the same tokens).
    /// The tree keeps no per-token data until someone asks for tokens.
    /// </summary>
    public static InstructionTokens Rebuild(SourceText source, char escape, int fullStart, int spanStart, IReadOnlyList<HeredocSyntax> heredocs,
        InstructionHead? head)
    {
        var session = TakeRebuilder(source, escape);
        session._knownHeredocs = heredocs;
        session._knownHead = head;
        session._rebuilt = null;
        session._diagnostics.Clear();
        session.ReadAgain(spanStart, fullStart);
        var tokens = session._rebuilt ?? throw new InvalidOperationException("no instruction to rebuild at " + spanStart);
        session._rebuilt = null;
        session._knownHeredocs = null;
        session._knownHead = null;
        source.TokenRebuilder = session;
        return tokens;
    }

    /// <summary>
    /// The arguments text (BuildKit's args string) of the instruction whose keyword is at <paramref name="spanStart"/>, read again.
    /// <paramref name="plainKeywordEnd"/> is where its keyword ends when no flag follows it, else -1; <paramref name="argumentsStart"/>
    /// is where the arguments text starts in the source, -1 when it is empty or not known.
    /// </summary>
    public static string ReadArgumentsText(SourceText source, char escape, int spanStart, int plainKeywordEnd, int argumentsStart = -1)
    {
        // One line with no flags (the usual case): the text after the keyword, trimmed, as CommandParser takes it; no session needed.
        if (plainKeywordEnd >= 0)
        {
            string all = source.Text;
            int nl = all.IndexOf('\n', spanStart);
            int end = TrimNewline(all, spanStart, nl < 0 ? all.Length : nl + 1);
            end = TrimContinuation(all, escape, spanStart, end, out bool continued);
            if (!continued)
            {
                end = GoText.TrimEnd(all, spanStart, end);
                int start = GoText.TrimStart(all, Math.Min(plainKeywordEnd, end), end);
                return all.Substring(start, end - start);
            }
        }
        // Known start (a continued line, or flags before it): the lines are joined from there, the keyword and flags not read again.
        if (argumentsStart >= 0) return JoinArgumentsText(source, escape, argumentsStart);
        var session = TakeRebuilder(source, escape);
        session._argumentsTextOnly = true;
        session._rebuiltArgumentsText = null;
        session._diagnostics.Clear();
        // Read as the parse reads (only the first shell word split, no argument value made): no token is made from this read.
        session._scratch.TokensOnly = false;
        session._scratch.DeferArguments = true;
        session.ReadAgain(spanStart, spanStart);
        session._scratch.TokensOnly = true;
        session._scratch.DeferArguments = false;
        var text = session._rebuiltArgumentsText ?? throw new InvalidOperationException("no instruction to read at " + spanStart);
        session._rebuiltArgumentsText = null;
        session._argumentsTextOnly = false;
        source.TokenRebuilder = session;
        return text;
    }

    // The arguments text from its first character at `start`: the rest of the instruction's logical line, joined as ReadInstruction joins
    // it (a segment line ends where its continuation starts; comment and empty lines are skipped), then trimmed at the end.
    private static string JoinArgumentsText(SourceText source, char escape, int start)
    {
        var session = TakeRebuilder(source, escape);
        string text = session._text;
        int n = text.Length;
        var line = session._line;
        line.Reset(start);
        int le = NextLineEnd(text, start);
        int segmentEnd = TrimContinuation(text, escape, start, TrimNewline(text, start, le), out bool continues);
        line.Add(start, segmentEnd);
        int p = le;
        while (continues && p < n)
        {
            int ls = p;
            le = NextLineEnd(text, p);
            int ce = TrimNewline(text, ls, le);
            p = le;
            int t = GoText.TrimStart(text, ls, ce);
            if (t < ce && text[t] == '#') continue;
            if (t == ce) continue;
            line.Add(ls, TrimContinuation(text, escape, ls, ce, out continues));
        }
        line.Build();
        int end = GoText.TrimEnd(line.Line, line.Start, line.End);
        string result = line.Start == 0 && end == line.Line.Length ? line.Line : line.Line.Substring(line.Start, end - line.Start);
        source.TokenRebuilder = session;
        return result;
    }

    // Reads the instruction whose keyword is at `spanStart` again, from its first line, as Run read it.
    private void ReadAgain(int spanStart, int fullStart)
    {
        int lineEnd = LineEnd(spanStart);
        int contentEnd = TrimNewline(spanStart, lineEnd);
        int segmentEnd = TrimContinuation(spanStart, contentEnd, out bool continues);
        ReadInstruction(spanStart, segmentEnd, continues, lineEnd, fullStart);
    }

    private static int NextLineEnd(string text, int pos)
    {
        int nl = text.IndexOf('\n', pos);
        return nl < 0 ? text.Length : nl + 1;
    }

    /// <summary>
    /// The arguments (BuildKit's <c>Next</c> chain) of the instruction whose keyword is at <paramref name="spanStart"/>, read again
    /// with every value made, exactly as an eager parse makes them (the parse left them unmade, see <see cref="CommandParse.ArgumentsDeferred"/>).
    /// </summary>
    public static IReadOnlyList<string> ReadArguments(SourceText source, char escape, int spanStart)
    {
        var session = TakeRebuilder(source, escape);
        session._argumentsOnly = true;
        session._rebuiltArguments = null;
        session._diagnostics.Clear();
        // Read as the parse reads (only the first shell word split), values made: no token is made from this read.
        session._scratch.TokensOnly = false;
        session.ReadAgain(spanStart, spanStart);
        session._scratch.TokensOnly = true;
        var arguments = session._rebuiltArguments ?? throw new InvalidOperationException("no instruction to read at " + spanStart);
        session._rebuiltArguments = null;
        session._argumentsOnly = false;
        source.TokenRebuilder = session;
        return arguments;
    }

    /// <summary>
    /// Makes the keyword and flag tokens of an instruction from the slots the parse kept (see <see cref="HeadSlots"/>):
    /// <paramref name="following"/> is where the next token starts, -1 when none follows.
    /// </summary>
    public static InstructionHead MakeHead(SourceText source, char escape, TokenSlot[] slots, TextSpan span, int following)
    {
        var session = TakeRebuilder(source, escape);
        var head = InstructionTokenLayout.MakeHead(session._text, session._trivia, slots, span.Start, span.End, following);
        source.TokenRebuilder = session;
        return head;
    }

    // One session per source is kept and reused (taken out while in use, so threads never share one): a fresh
    // session's buffers cost more than the instruction.
    private static ParserSession TakeRebuilder(SourceText source, char escape)
    {
        var session = Interlocked.Exchange(ref source.TokenRebuilder, null);
        if (session is null || session._escape != escape)
        {
            session = new ParserSession(source) { _escape = escape, _rebuilding = true };
            session._trivia.Escape = escape;
            session._scratch.TokensOnly = true;
        }
        return session;
    }

    public DockerfileSyntax Run()
    {
        _scratch.DeferArguments = true;
        string text = _text;
        int n = text.Length;
        var directiveParser = new DirectiveLineParser();
        int pos = 0;
        int previousEnd = 0;
        bool inHeader = true;
        bool firstLine = true;
        while (pos < n)
        {
            int lineStart = pos;
            int lineEnd = LineEnd(pos);
            int contentEnd = TrimNewline(lineStart, lineEnd);
            CheckLineLength(lineStart, contentEnd);
            int contentStart = lineStart;
            if (firstLine && text[0] == '\uFEFF')
            {
                _header.Add(_trivia.Make(TriviaKind.ByteOrderMark, 0, 1));
                contentStart = 1;
                previousEnd = 1;
            }
            firstLine = false;
            int trimmed = GoText.TrimStart(text, contentStart, contentEnd);

            var directive = directiveParser.ParseLine(text, trimmed, contentEnd, out var name, out var value, out var error);
            if (directive != DirectiveLineKind.None)
            {
                if (error is not null) AddError(error, trimmed, contentEnd);
                else
                {
                    _directives.Add(new ParserDirectiveSyntax(name, value, TextSpan.FromBounds(trimmed, contentEnd)));
                    if (name == "escape")
                    {
                        if (value == "`" || value == "\\") _escape = value[0];
                        else AddError($"invalid escape token '{value}' does not match ` or \\", trimmed, contentEnd);
                    }
                }
                if (inHeader)
                {
                    _header.Add(_trivia.Make(TriviaKind.Directive, contentStart, contentEnd));
                    _header.AddRange(_trivia.Scan(contentEnd, lineEnd));
                    previousEnd = lineEnd;
                }
                pos = lineEnd;
                continue;
            }
            inHeader = false;
            _trivia.Escape = _escape;

            if (trimmed < contentEnd && text[trimmed] == '#') { pos = lineEnd; continue; }
            int segmentEnd = TrimContinuation(trimmed, contentEnd, out bool continues);
            if (!continues && segmentEnd == trimmed) { pos = lineEnd; continue; }

            pos = ReadInstruction(trimmed, segmentEnd, continues, lineEnd, previousEnd);
            previousEnd = pos;
        }

        var endTrivia = _trivia.Scan(previousEnd, n);
        _source.Escape = _escape; // the nodes read their instruction again with it
        if (_instructionCount == 0) AddError("file with no instructions", n, n);
        _diagnostics.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new DockerfileSyntax(_source, _directives.ToArray(), _escape, _header.ToArray(), Instructions(),
            endTrivia, _diagnostics.ToArray());
    }

    // Reads one instruction whose first line's content starts at spanStart; returns where it ends.
    private int ReadInstruction(int spanStart, int firstSegmentEnd, bool continues, int firstLineEnd, int fullStart)
    {
        int startLine = _linesEnded;
        _instructionLine = (startLine, _lastLineStart, firstLineEnd);
        string text = _text;
        int n = text.Length;
        _line.Reset(spanStart);
        _line.Add(spanStart, firstSegmentEnd);
        int p = firstLineEnd;
        bool hasEmptyContinuationLine = false;
        while (continues && p < n)
        {
            int ls = p;
            int le = LineEnd(p);
            int ce = TrimNewline(ls, le);
            CheckLineLength(ls, ce);
            p = le;
            int t = GoText.TrimStart(text, ls, ce);
            if (t < ce && text[t] == '#') continue;
            if (t == ce) { hasEmptyContinuationLine = true; continue; }
            int segEnd = TrimContinuation(ls, ce, out continues);
            _line.Add(ls, segEnd);
        }
        _line.Build();
        string line = _line.Line;
        var command = CommandParser.Parse(line, _line.Start, _line.End, _escape, _scratch);
        if (_argumentsTextOnly)
        {
            _rebuiltArgumentsText = command.ArgsText;
            return p;
        }
        if (_argumentsOnly)
        {
            _rebuiltArguments = command.ArgumentIsArgsText ? [command.ArgsText]
                : command.Arguments.Count == 0 ? [] : command.Arguments.ToArray();
            return p;
        }

        int keywordSource = _line.ToSourceStart(command.Keyword.Start);
        if (command.Error is not null) AddError(command.Error, _line.ToSourceStart(command.ErrorPosition), p);
        if (hasEmptyContinuationLine)
            AddWarning($"Empty continuation line found in: {_line.Text} (empty continuation lines will become errors in a future release)", spanStart, p);
        ReportUnknown(command);

        var specs = _specs;
        specs.Clear();
        // Tokens are made on demand (see Rebuild), except for ONBUILD, whose child shares its parent's tokens.
        if (_rebuilding || command.Child is not null) AddSpecs(command, specs);
        List<HeredocSyntax>? heredocs = null;
        if (command.CanContainHeredoc && line.AsSpan(_line.Start, _line.End - _line.Start).Contains("<<", StringComparison.Ordinal))
        {
            var headers = _heredocHeaders;
            headers.Clear();
            heredocs = [];
            if (!HeredocWords.TryFromLine(_line.Text, headers, out var heredocError))
                AddError(heredocError ?? "invalid heredoc", keywordSource, p);
            foreach (var h in headers)
            {
                int bodyStart = p;
                bool terminated = false;
                int contentEnd = p;
                int tokenEnd = n;
                while (p < n)
                {
                    int ls = p;
                    int le = LineEnd(p);
                    int ce = TrimNewline(ls, le);
                    p = le;
                    int t = ls;
                    if (h.Chomp) while (t < ce && text[t] == '\t') t++;
                    if (ce - t == h.Name.Length && string.CompareOrdinal(text, t, h.Name, 0, h.Name.Length) == 0)
                    {
                        terminated = true;
                        contentEnd = ls;
                        tokenEnd = ce;
                        break;
                    }
                }
                if (!terminated)
                {
                    contentEnd = n;
                    tokenEnd = n;
                    AddError("unterminated heredoc", keywordSource, n);
                }
                var bodySpan = TextSpan.FromBounds(bodyStart, tokenEnd);
                if (!_rebuilding && command.Child is null)
                {
                    // No token is made now: the body is cut from the source when first read (a long body was a second copy of itself).
                    heredocs.Add(new HeredocSyntax(h.Name, _source, contentEnd, h.Expand, h.Chomp, h.FileDescriptor, bodySpan));
                }
                else
                {
                    string content = _knownHeredocs is { } known && heredocs.Count < known.Count && known[heredocs.Count].BodySpan.Start == bodyStart
                        ? known[heredocs.Count].Content
                        : text.Substring(bodyStart, contentEnd - bodyStart);
                    heredocs.Add(new HeredocSyntax(h.Name, content, h.Expand, h.Chomp, h.FileDescriptor, bodySpan));
                    specs.Add(new TokenSpec(bodyStart, tokenEnd, SyntaxTokenKind.HeredocBody, content));
                }
                if (!terminated) break;
            }
        }

        int spanEnd = p;
        if (_rebuilding && command.Child is null)
        {
            _rebuilt = MakeTokens(command, specs, fullStart, spanStart, spanEnd);
            return spanEnd;
        }
        var heredocArray = heredocs is null ? [] : heredocs.ToArray();
        var lines = (startLine, spanEnd > spanStart ? _linesEnded : startLine);
        var instruction = command.Child is null
            ? BuildLazyInstruction(command, fullStart, spanStart, spanEnd, heredocArray, heredocs is { Count: > 0 } ? heredocs[0].BodySpan.Start : -1, startLine)
            : BuildInstruction(command, BuildTokens(specs, spanStart, spanEnd), specs, 0, fullStart, spanStart, spanEnd, heredocArray, lines);
        AddInstruction(instruction, spanEnd);
        return spanEnd;
    }

    // Doubles until an eighth of the text is read, then grows by extrapolating from the text read so far (by an eighth at least), so a
    // long file's list is allocated about once at about its size: extrapolating from the first few instructions overshot by half.
    private void AddInstruction(InstructionSyntax instruction, int readSoFar)
    {
        if (_instructionCount == _instructions.Length)
        {
            long size = readSoFar < _text.Length / 8 ? _instructionCount * 2L
                : Math.Max(_instructionCount * 9L / 8, (long)_instructionCount * _text.Length / Math.Max(readSoFar, 1) * 17 / 16 + 16);
            Array.Resize(ref _instructions, (int)Math.Clamp(size, _instructionCount + 16L, Math.Max(_text.Length, _instructionCount + 16L)));
        }
        _instructions[_instructionCount++] = instruction;
    }

    private IReadOnlyList<InstructionSyntax> Instructions() =>
        _instructionCount == 0 ? []
        : _instructionCount == _instructions.Length ? _instructions
        // Small lists are trimmed (the copy is cheap); long ones are handed over in place.
        : _instructionCount < 1024 ? _instructions[.._instructionCount]
        : new ArrayPrefixList<InstructionSyntax>(_instructions, _instructionCount);

    // The tokens of a rebuilt instruction, with its flags, argument tokens and leading trivia.
    private InstructionTokens MakeTokens(CommandParse command, List<TokenSpec> specs, int fullStart, int spanStart, int spanEnd)
    {
        var slots = new TokenSlot[specs.Count];
        for (int i = 0; i < slots.Length; i++) slots[i] = specs[i].ToSlot(command);
        var elements = command.JsonElements.Count == 0 ? [] : new ElementSlot[command.JsonElements.Count];
        for (int i = 0; i < elements.Length; i++)
        {
            var e = command.JsonElements[i];
            elements[i] = new ElementSlot(_line.ToSourceStart(e.Start), _line.ToSourceEnd(e.End), e.Value);
        }
        return InstructionTokenLayout.Materialize(_text, _trivia, TextSpan.FromBounds(fullStart, spanEnd), TextSpan.FromBounds(spanStart, spanEnd),
            slots, elements, _knownHead);
    }

    // The usual case (no ONBUILD child sharing the tokens): no token data, tokens are rebuilt on first access.
    private InstructionSyntax BuildLazyInstruction(CommandParse command, int fullStart, int spanStart, int spanEnd, HeredocSyntax[] heredocs,
        int firstBodyStart, int startLine)
    {
        // Where the first token after the keyword and flags starts (its gap is split between them), -1 when none follows.
        int following = command.Pieces.Count > 0 ? _line.ToSourceStart(command.Pieces[0].Start) : firstBodyStart;
        var headSlots = HeadSlots(command, spanStart, out int keywordEnd);
        // The one argument that is the arguments text is left to be read again (null) when that is cheap, the instruction being
        // on one line; a continued line was joined into a new string already, and reading it again would join it again.
        // Arguments left unmade by the parse are read again on first access (null and deferred).
        // The one argument that is the arguments text is made from it on first read (null, not deferred).
        var arguments = command.ArgumentsDeferred || command.ArgumentIsArgsText ? null
            : command.Arguments.Count == 0 ? [] : command.Arguments.ToArray();
        // The arguments text is read again from where the first argument token starts (see ReadArgumentsText); kept now in the
        // odd case where that is not where it starts (a non-empty text with no token in it).
        bool followingStartsArguments = command.ArgsStart < command.ArgsEnd
            ? command.Pieces.Count > 0 && command.Pieces[0].Start == command.ArgsStart
            : following < 0;
        var argumentsText = command.ArgsTextIfMade ?? (followingStartsArguments ? null : command.ArgsText);
        return new InstructionSyntax(_source, fullStart, TextSpan.FromBounds(spanStart, spanEnd),
            command.Kind, arguments, command.ArgumentsDeferred, command.ArgumentIsArgsText, argumentsText, command.IsJson, heredocs,
            startLine, keywordEnd, headSlots, following);
    }

    /// <summary>
    /// The keyword, flag and terminator slots of an instruction, kept so its keyword and flags can be made without the rest;
    /// null in the usual case, a keyword written as it reads starting the instruction and no flags (then only its end is kept, the
    /// keyword being at most <see cref="InstructionSyntax.MaxKeywordLength"/> long).
    /// </summary>
    private TokenSlot[]? HeadSlots(CommandParse command, int spanStart, out int keywordEnd)
    {
        var keyword = Spec(command.Keyword, command, isFlag: false);
        keywordEnd = keyword.End;
        bool plainKeyword = keyword.Start == spanStart && keyword.Value is { } v && v.Length == keyword.End - keyword.Start
            && string.CompareOrdinal(v, 0, _text, keyword.Start, v.Length) == 0;
        if (plainKeyword && command.Flags.Count == 0 && command.FlagTerminator is null
            && keyword.End - spanStart <= InstructionSyntax.MaxKeywordLength) return null;
        var slots = new TokenSlot[1 + command.Flags.Count + (command.FlagTerminator is null ? 0 : 1)];
        slots[0] = keyword.ToSlot(command);
        for (int i = 0; i < command.Flags.Count; i++) slots[i + 1] = Spec(command.Flags[i], command, isFlag: true).ToSlot(command);
        if (command.FlagTerminator is { } terminator) slots[^1] = Spec(terminator, command, isFlag: false).ToSlot(command);
        return slots;
    }

    private InstructionSyntax BuildInstruction(CommandParse command, SyntaxToken[] tokens, List<TokenSpec> specs, int keywordIndex,
        int fullStart, int spanStart, int spanEnd, HeredocSyntax[] heredocs, (int Start, int End) lines)
    {
        InstructionSyntax? child = null;
        int childIndex = -1;
        if (command.Child is { } childCommand)
        {
            for (int i = keywordIndex + 1; i < specs.Count; i++)
            {
                if (ReferenceEquals(specs[i].Owner, childCommand)) { childIndex = i; break; }
            }
            if (childIndex >= 0)
            {
                int childStart = tokens[childIndex].Span.Start;
                // The child starts on the parent's line unless continuations put its keyword further down.
                int childLine = lines.Start + _text.AsSpan(spanStart, childStart - spanStart).Count('\n');
                child = BuildInstruction(childCommand, tokens, specs, childIndex, childStart, childStart, spanEnd, heredocs, (childLine, lines.End));
            }
        }
        int end = child is null ? tokens.Length : childIndex;
        int flagCount = 0, argumentCount = command.JsonElements.Count;
        for (int i = keywordIndex + 1; i < end; i++)
        {
            if (!ReferenceEquals(specs[i].Owner, command)) continue;
            if (specs[i].IsFlag) flagCount++;
            else if (specs[i].Kind == SyntaxTokenKind.Argument) argumentCount++;
        }
        var flags = flagCount == 0 ? [] : new FlagSyntax[flagCount];
        var argumentTokens = argumentCount == 0 ? [] : new SyntaxToken[argumentCount];
        int f = 0, a = 0;
        for (int i = keywordIndex + 1; i < end; i++)
        {
            if (!ReferenceEquals(specs[i].Owner, command)) continue;
            if (specs[i].IsFlag) flags[f++] = InstructionTokenLayout.MakeFlag(tokens[i]);
            else if (specs[i].Kind == SyntaxTokenKind.Argument) argumentTokens[a++] = tokens[i];
        }
        if (command.IsJson)
        {
            foreach (var e in command.JsonElements)
            {
                int s = _line.ToSourceStart(e.Start), t = _line.ToSourceEnd(e.End);
                argumentTokens[a++] = new SyntaxToken(SyntaxTokenKind.Argument, TextSpan.FromBounds(s, t), _text.Substring(s, t - s), e.Value, [], []);
            }
        }
        var leading = fullStart < spanStart ? _trivia.Scan(fullStart, spanStart) : [];
        var tokenList = keywordIndex == 0 ? tokens : tokens[keywordIndex..];
        string argumentsText = command.ArgsText;
        int startLine = lines.Start, endLine = lines.End;
        return new InstructionSyntax(_source, TextSpan.FromBounds(fullStart, spanEnd), TextSpan.FromBounds(spanStart, spanEnd), leading,
            tokenList, command.Kind, tokens[keywordIndex], flags, command.Arguments.Count == 0 ? [] : command.Arguments.ToArray(), argumentTokens,
            argumentsText, command.IsJson, heredocs, child, startLine, endLine);
    }

    private void AddSpecs(CommandParse command, List<TokenSpec> specs)
    {
        specs.Add(Spec(command.Keyword, command, isFlag: false));
        foreach (var f in command.Flags) specs.Add(Spec(f, command, isFlag: true));
        if (command.FlagTerminator is { } terminator) specs.Add(Spec(terminator, command, isFlag: false));
        if (command.Child is { } child) { AddSpecs(child, specs); return; }
        foreach (var piece in command.Pieces) specs.Add(Spec(piece, command, isFlag: false));
    }

    private TokenSpec Spec(ArgumentPiece piece, CommandParse owner, bool isFlag)
    {
        int start = _line.ToSourceStart(piece.Start);
        int end = piece.End > piece.Start ? _line.ToSourceEnd(piece.End) : start;
        int length = piece.End - piece.Start;
        // A verbatim word with no continuation inside stays unmade (null: its source text); across lines it is the joined text.
        string? value = !piece.IsVerbatim ? piece.Value
            : end - start == length ? null
            : _line.Line.Substring(piece.Start, length);
        return new TokenSpec(start, end, piece.Kind, value, owner, isFlag);
    }

    private SyntaxToken[] BuildTokens(List<TokenSpec> specs, int spanStart, int spanEnd)
    {
        var slots = new TokenSlot[specs.Count];
        for (int i = 0; i < slots.Length; i++) slots[i] = specs[i].ToSlot(specs[i].Owner);
        return InstructionTokenLayout.BuildTokens(_text, _trivia, slots, spanStart, spanEnd);
    }

    private void ReportUnknown(CommandParse command)
    {
        if (command.Kind == InstructionKind.Unknown)
        {
            int s = _line.ToSourceStart(command.Keyword.Start);
            int e = command.Keyword.End > command.Keyword.Start ? _line.ToSourceEnd(command.Keyword.End) : s;
            AddWarning($"unknown instruction: {command.Keyword.Value}", s, e);
        }
        if (command.Child is { } child) ReportUnknown(child);
    }

    // Each physical line is ended once, in order (a rebuild starts mid-file and does not use the count).
    private int LineEnd(int pos)
    {
        _linesEnded++;
        _lastLineStart = pos;
        int nl = _text.IndexOf('\n', pos);
        return _lineEndOfLast = nl < 0 ? _text.Length : nl + 1;
    }

    private int TrimNewline(int start, int end) => TrimNewline(_text, start, end);

    // BuildKit's trimNewline: drops every trailing CR and LF.
    private static int TrimNewline(string text, int start, int end)
    {
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return end;
    }

    private int TrimContinuation(int start, int end, out bool continues) => TrimContinuation(_text, _escape, start, end, out continues);

    // BuildKit's continuation regex: the escape character as the last non-blank character, not itself escaped.
    internal static int TrimContinuation(string text, char escape, int start, int end, out bool continues)
    {
        int q = end;
        while (q > start && (text[q - 1] == ' ' || text[q - 1] == '\t')) q--;
        if (q > start && text[q - 1] == escape && (q - 1 == start || text[q - 2] != escape))
        {
            continues = true;
            return q - 1;
        }
        continues = false;
        return end;
    }

    private void CheckLineLength(int start, int end)
    {
        if (_lineTooLongReported || end - start <= MaxLineBytes / 3) return;
        if (GoText.Utf8Length(_text, start, end) <= MaxLineBytes) return;
        _lineTooLongReported = true;
        AddError($"dockerfile line greater than max allowed size of {MaxLineBytes}", start, end);
    }

    private void AddError(string message, int start, int end) => Add(DiagnosticSeverity.Error, message, start, end);

    private void AddWarning(string message, int start, int end) => Add(DiagnosticSeverity.Warning, message, start, end);

    private void Add(DiagnosticSeverity severity, string message, int start, int end)
    {
        if (_rebuilding) return; // a rebuild reads one instruction again for its tokens; its diagnostics were reported by the parse
        if (end < start) end = start;
        var span = TextSpan.FromBounds(start, end);
        _diagnostics.Add(new SyntaxDiagnostic(severity, message, span, PositionOf(start)));
    }

    // Most diagnostics point into the line just read or the instruction's first line, whose numbers are counted: only
    // others need the whole file's line table.
    private LinePosition PositionOf(int offset)
    {
        if (offset >= _lastLineStart && offset < _lineEndOfLast) return new LinePosition(_linesEnded, offset - _lastLineStart + 1);
        var (line, start, end) = _instructionLine;
        if (line > 0 && offset >= start && offset < end) return new LinePosition(line, offset - start + 1);
        return _source.GetLinePosition(offset);
    }

    private readonly record struct TokenSpec(int Start, int End, SyntaxTokenKind Kind, string? Value,
        CommandParse? Owner = null, bool IsFlag = false)
    {
        // The slot as seen by the instruction that owns this token (flags and arguments of others count as other).
        public TokenSlot ToSlot(CommandParse? instruction)
        {
            var role = !ReferenceEquals(Owner, instruction) || Owner is null ? TokenRole.Other
                : IsFlag ? TokenRole.Flag
                : Kind == SyntaxTokenKind.Argument ? TokenRole.Argument
                : TokenRole.Other;
            return new TokenSlot(Start, End, Kind, role, Value);
        }
    }
}
