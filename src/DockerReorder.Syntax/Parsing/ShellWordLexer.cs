using System.Text;

namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// The part of BuildKit's shell lexer (<c>shell.Lex</c> with no environment and <c>SkipUnsetEnv</c>) that
/// heredoc detection uses: word splitting with quotes, escapes (always <c>\</c>), <c>$</c> references kept as
/// written, and <c>&lt;&lt;</c> followed by blanks glued to the next word.
/// </summary>
internal sealed class ShellWordLexer
{
    private const char Escape = '\\';
    private const int Eof = -1;
    private string _s = string.Empty;
    private int _p;
    private bool _rawQuotes;
    private bool _rawEscapes;

    /// <summary>The error of the last failed call, as BuildKit words it.</summary>
    public string? Error { get; private set; }

    /// <summary>Splits <paramref name="text"/> into words; null on a lexing error (see <see cref="Error"/>).</summary>
    public List<string>? ProcessWords(string text, bool rawQuotes, bool rawEscapes)
    {
        _s = text;
        _p = 0;
        _rawQuotes = rawQuotes;
        _rawEscapes = rawEscapes;
        Error = null;
        var words = new WordCollector();
        string? result = ProcessStopOn(Eof, rawEscapes, words);
        if (result is null)
        {
            Error = $"failed to process {GoQuote.Quote(text)}: {Error}";
            return null;
        }
        return words.Finish();
    }

    private int Peek() => _p < _s.Length ? _s[_p] : Eof;

    private int Next() => _p < _s.Length ? _s[_p++] : Eof;

    private string? Fail(string message)
    {
        Error ??= message;
        return null;
    }

    private string? ProcessStopOn(int stopChar, bool rawEscapes, WordCollector? words)
    {
        bool saved = _rawEscapes;
        _rawEscapes = rawEscapes;
        try
        {
            var result = new StringBuilder();
            while (Peek() != Eof)
            {
                int ch = Peek();
                if (stopChar != Eof && ch == stopChar)
                {
                    Next();
                    return result.ToString();
                }
                if (ch == '$' || ch == '\'' || ch == '"' || ch == '<')
                {
                    string? tmp = ch switch
                    {
                        '$' => ProcessDollar(),
                        '\'' => ProcessSingleQuote(),
                        '"' => ProcessDoubleQuote(),
                        _ => ProcessPossibleHeredoc(),
                    };
                    if (tmp is null) return null;
                    result.Append(tmp);
                    if (ch == '$') words?.AddString(tmp);
                    else words?.AddRawString(tmp);
                    continue;
                }
                ch = Next();
                if (ch == Escape)
                {
                    if (_rawEscapes)
                    {
                        words?.AddRawChar((char)ch);
                        result.Append((char)ch);
                    }
                    ch = Next();
                    if (ch == Eof) break;
                    words?.AddRawChar((char)ch);
                }
                else
                {
                    words?.AddChar((char)ch);
                }
                result.Append((char)ch);
            }
            if (stopChar != Eof) return Fail($"unexpected end of statement while looking for matching {(char)stopChar}");
            return result.ToString();
        }
        finally
        {
            _rawEscapes = saved;
        }
    }

    private string? ProcessSingleQuote()
    {
        var result = new StringBuilder();
        Next();
        if (_rawQuotes) result.Append('\'');
        while (true)
        {
            int ch = Next();
            if (ch == Eof) return Fail("unexpected end of statement while looking for matching single-quote");
            if (ch == '\'')
            {
                if (_rawQuotes) result.Append('\'');
                return result.ToString();
            }
            result.Append((char)ch);
        }
    }

    private string? ProcessDoubleQuote()
    {
        var result = new StringBuilder();
        Next();
        if (_rawQuotes) result.Append('"');
        while (true)
        {
            int peek = Peek();
            if (peek == Eof) return Fail("unexpected end of statement while looking for matching double-quote");
            if (peek == '"')
            {
                Next();
                if (_rawQuotes) result.Append('"');
                return result.ToString();
            }
            if (peek == '$')
            {
                string? value = ProcessDollar();
                if (value is null) return null;
                result.Append(value);
                continue;
            }
            int ch = Next();
            if (ch == Escape)
            {
                if (_rawEscapes) result.Append((char)ch);
                int next = Peek();
                if (next == Eof) continue;
                if (next == '"' || next == '$' || next == Escape) ch = Next();
            }
            result.Append((char)ch);
        }
    }

    private string? ProcessDollar()
    {
        Next();
        if (Peek() != '{')
        {
            string name = ProcessName();
            return name.Length == 0 ? "$" : "$" + name; // unset variables are kept as written
        }
        Next();
        int first = Peek();
        if (first == Eof) return Fail("syntax error: missing '}'");
        if (first == '{' || first == '}' || first == ':') return Fail("syntax error: bad substitution");
        string varName = ProcessName();
        int ch = Next();
        string chs = ch == Eof ? "\uFFFD" : ((char)ch).ToString();
        switch (ch)
        {
            case '}':
                return "${" + varName + "}";
            case ':':
            case '+':
            case '-':
            case '?':
            case '#':
            case '%':
                {
                    if (ch == ':')
                    {
                        ch = Next();
                        chs += ch == Eof ? "\uFFFD" : ((char)ch).ToString();
                    }
                    string? word = ProcessStopOn('}', ch == '#' || ch == '%', null);
                    if (word is null) return Peek() == Eof ? Fail("syntax error: missing '}'") : null;
                    return "${" + varName + chs + word + "}";
                }
            case '/':
                {
                    if (Peek() == '/') Next();
                    string? pattern = ProcessStopOn('/', true, null);
                    if (pattern is null) return Peek() == Eof ? Fail("syntax error: missing '/' in ${}") : null;
                    string? replacement = ProcessStopOn('}', true, null);
                    if (replacement is null) return Peek() == Eof ? Fail("syntax error: missing '}'") : null;
                    return "${" + varName + "/" + pattern + "/" + replacement + "}";
                }
            default:
                return Fail($"unsupported modifier ({chs}) in substitution");
        }
    }

    private string ProcessName()
    {
        var name = new StringBuilder();
        while (Peek() != Eof)
        {
            char ch = (char)Peek();
            if (name.Length == 0 && char.IsDigit(ch))
            {
                while (Peek() != Eof && char.IsDigit((char)Peek())) name.Append((char)Next());
                return name.ToString();
            }
            if (name.Length == 0 && IsSpecialParameter(ch))
            {
                Next();
                return ch.ToString();
            }
            if (!char.IsLetter(ch) && !char.IsDigit(ch) && ch != '_') break;
            name.Append((char)Next());
        }
        return name.ToString();
    }

    private static bool IsSpecialParameter(char c) => c is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';

    private string ProcessPossibleHeredoc()
    {
        Next();
        if (Peek() != '<') return "<";
        Next();
        int start = _p;
        while (Peek() == ' ' || Peek() == '\t') Next();
        return "<<" + _s.Substring(start, _p - start);
    }

    private sealed class WordCollector
    {
        private readonly StringBuilder _word = new();
        private readonly List<string> _words = [];
        private bool _inWord;

        public void AddChar(char c)
        {
            bool space = GoText.IsSpace(c);
            if (space && _inWord)
            {
                if (_word.Length != 0)
                {
                    _words.Add(_word.ToString());
                    _word.Clear();
                    _inWord = false;
                }
            }
            else if (!space)
            {
                AddRawChar(c);
            }
        }

        public void AddRawChar(char c)
        {
            _word.Append(c);
            _inWord = true;
        }

        public void AddString(string s)
        {
            foreach (char c in s) AddChar(c);
        }

        public void AddRawString(string s)
        {
            _word.Append(s);
            _inWord = true;
        }

        public List<string> Finish()
        {
            if (_word.Length > 0) _words.Add(_word.ToString());
            return _words;
        }
    }
}
