using System.Text;

namespace DockerReorder.Analysis.Shell;

/// <summary>
/// Reads a shell script token by token, on demand, so that words are expanded with the variables
/// known at the point the parser reached. Never throws: a syntax error sets <see cref="Error"/> and ends the input.
/// </summary>
internal sealed class ShellLexer
{
    /// <summary>Deeper nesting of substitutions than this is reported as an error instead of recursing.</summary>
    internal const int MaxDepth = 24;

    private readonly string text;
    private readonly int depth;
    private readonly Queue<string>? externalHeredocBodies;
    private readonly List<ShellRedirection> pendingHeredocs = [];
    private int position;
    private ShellToken? peeked;

    internal ShellLexer(string text, int start, ShellVariables variables, int depth, Queue<string>? externalHeredocBodies)
    {
        this.text = text;
        position = start;
        Variables = variables;
        this.depth = depth;
        this.externalHeredocBodies = externalHeredocBodies;
    }

    /// <summary>The variables used to expand words; the parser replaces it when entering and leaving scopes.</summary>
    internal ShellVariables Variables { get; set; }

    /// <summary>The first syntax error met, or null.</summary>
    internal string? Error { get; private set; }

    /// <summary>The offset just after the last token taken.</summary>
    internal int Position => position;

    /// <summary>Records a syntax error found by the parser and ends the input.</summary>
    internal void Fail(string message)
    {
        Error ??= message;
        position = text.Length;
        peeked = null;
    }

    /// <summary>The next token, without taking it.</summary>
    internal ShellToken Peek() => peeked ??= Read();

    /// <summary>Takes the next token.</summary>
    internal ShellToken Next()
    {
        var token = Peek();
        peeked = null;
        return token;
    }

    /// <summary>Registers a heredoc whose body follows the next newline (or is the next body given by the Dockerfile).</summary>
    internal void AddHeredoc(ShellRedirection redirection)
    {
        if (externalHeredocBodies is { Count: > 0 })
        {
            redirection.HeredocBody = externalHeredocBodies.Dequeue();
        }
        else
        {
            pendingHeredocs.Add(redirection);
        }
    }

    private ShellToken Read()
    {
        while (true)
        {
            if (Error is not null || position >= text.Length)
            {
                return new ShellToken(ShellTokenKind.End, string.Empty, default, false, null, null, null);
            }

            var c = text[position];
            if (c is ' ' or '\t' or '\r')
            {
                position++;
                continue;
            }

            if (c == '\\' && position + 1 < text.Length && text[position + 1] == '\n')
            {
                position += 2;
                continue;
            }

            if (c == '#')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }

                continue;
            }

            if (c == '\n')
            {
                position++;
                ReadPendingHeredocBodies();
                return Operator(ShellTokenKind.Newline, "\n");
            }

            switch (c)
            {
                case '&':
                    if (At(1) == '&') return Take(ShellTokenKind.Operator, "&&");
                    if (At(1) == '>') return At(2) == '>' ? Take(ShellTokenKind.Redirection, "&>>") : Take(ShellTokenKind.Redirection, "&>");
                    return Take(ShellTokenKind.Operator, "&");
                case '|':
                    if (At(1) == '|') return Take(ShellTokenKind.Operator, "||");
                    if (At(1) == '&') return Take(ShellTokenKind.Operator, "|&");
                    return Take(ShellTokenKind.Operator, "|");
                case ';':
                    if (At(1) == ';') return Take(ShellTokenKind.Operator, ";;");
                    if (At(1) == '&') return Take(ShellTokenKind.Operator, ";&");
                    return Take(ShellTokenKind.Operator, ";");
                case '(' or ')':
                    return Take(ShellTokenKind.Operator, c.ToString());
                case '<' or '>':
                    return ReadRedirectionOperator(null);
            }

            var digits = position;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            if (digits > position && digits < text.Length && text[digits] is '<' or '>')
            {
                var descriptor = int.TryParse(text.AsSpan(position, digits - position), out var number) ? number : (int?)null;
                position = digits;
                return ReadRedirectionOperator(descriptor);
            }

            return ReadWord();
        }
    }

    private char At(int offset) => position + offset < text.Length ? text[position + offset] : '\0';

    private ShellToken Take(ShellTokenKind kind, string op)
    {
        position += op.Length;
        return Operator(kind, op);
    }

    private static ShellToken Operator(ShellTokenKind kind, string op) => new(kind, op, default, false, null, null, null);

    private ShellToken ReadRedirectionOperator(int? descriptor)
    {
        string op;
        if (At(0) == '<')
        {
            op = At(1) switch
            {
                '<' => At(2) == '<' ? "<<<" : At(2) == '-' ? "<<-" : "<<",
                '&' => "<&",
                '>' => "<>",
                _ => "<",
            };
        }
        else
        {
            op = At(1) switch
            {
                '>' => ">>",
                '&' => ">&",
                '|' => ">|",
                _ => ">",
            };
        }

        position += op.Length;
        return new ShellToken(ShellTokenKind.Redirection, op, default, false, null, descriptor, null);
    }

    private void ReadPendingHeredocBodies()
    {
        foreach (var heredoc in pendingHeredocs)
        {
            var stripTabs = heredoc.Operator == "<<-";
            var body = new StringBuilder();
            while (position < text.Length)
            {
                var end = text.IndexOf('\n', position);
                var lineEnd = end < 0 ? text.Length : end;
                var line = text.AsSpan(position, lineEnd - position);
                position = end < 0 ? text.Length : end + 1;
                var compared = stripTabs ? line.TrimStart('\t') : line;
                if (compared.TrimEnd('\r').SequenceEqual(heredoc.Target.Value))
                {
                    break;
                }

                body.Append(compared).Append('\n');
            }

            heredoc.HeredocBody = body.ToString();
        }

        pendingHeredocs.Clear();
    }

    private ShellToken ReadWord()
    {
        var start = position;
        var value = new StringBuilder();
        var resolved = true;
        var quoted = false;
        var plainName = true;
        string? assignmentName = null;
        List<ShellList>? substitutions = null;

        if (At(0) == '~' && (At(1) is '/' or '\0' or ' ' or '\t' or '\n' or ';' or '&' or '|' or ')'))
        {
            position++;
            if (Variables.TryGet("HOME", out var home))
            {
                value.Append(home);
            }
            else
            {
                value.Append('~');
                resolved = false;
            }

            plainName = false;
        }

        while (position < text.Length && Error is null)
        {
            var c = text[position];
            if (c is ' ' or '\t' or '\n' or '\r' or ';' or '&' or '|' or '(' or ')' or '<' or '>')
            {
                break;
            }

            switch (c)
            {
                case '\\':
                    plainName = false;
                    quoted = true;
                    if (position + 1 >= text.Length)
                    {
                        value.Append('\\');
                        position++;
                    }
                    else if (text[position + 1] == '\n')
                    {
                        position += 2;
                    }
                    else
                    {
                        value.Append(text[position + 1]);
                        position += 2;
                    }

                    break;
                case '\'':
                    plainName = false;
                    quoted = true;
                    var close = text.IndexOf('\'', position + 1);
                    if (close < 0)
                    {
                        Error = "an unterminated single quote";
                        position = text.Length;
                        break;
                    }

                    value.Append(text, position + 1, close - position - 1);
                    position = close + 1;
                    break;
                case '"':
                    plainName = false;
                    quoted = true;
                    ReadDoubleQuoted(value, ref resolved, ref substitutions);
                    break;
                case '$':
                    plainName = false;
                    ReadDollar(value, ref resolved, ref substitutions, inDoubleQuotes: false, ref quoted);
                    break;
                case '`':
                    plainName = false;
                    ReadBackticks(value, ref resolved, ref substitutions);
                    break;
                case '=' when plainName && assignmentName is null && value.Length > 0 && ShellVariables.IsName(value.ToString()):
                    assignmentName = value.ToString();
                    value.Append('=');
                    position++;
                    plainName = false;
                    break;
                default:
                    if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                    {
                        plainName = false;
                    }

                    value.Append(c);
                    position++;
                    break;
            }
        }

        var word = new ShellWord(value.ToString(), resolved);
        return new ShellToken(ShellTokenKind.Word, text[start..position], word, quoted, assignmentName, null, substitutions);
    }

    private void ReadDoubleQuoted(StringBuilder value, ref bool resolved, ref List<ShellList>? substitutions)
    {
        position++;
        while (position < text.Length && Error is null)
        {
            var c = text[position];
            if (c == '"')
            {
                position++;
                return;
            }

            if (c == '\\' && position + 1 < text.Length)
            {
                var next = text[position + 1];
                if (next == '\n')
                {
                    position += 2;
                    continue;
                }

                if (next is '$' or '`' or '"' or '\\')
                {
                    value.Append(next);
                    position += 2;
                    continue;
                }

                value.Append('\\');
                position++;
                continue;
            }

            if (c == '$')
            {
                var ignored = true;
                ReadDollar(value, ref resolved, ref substitutions, inDoubleQuotes: true, ref ignored);
                continue;
            }

            if (c == '`')
            {
                ReadBackticks(value, ref resolved, ref substitutions);
                continue;
            }

            value.Append(c);
            position++;
        }

        Error ??= "an unterminated double quote";
    }

    private void ReadDollar(StringBuilder value, ref bool resolved, ref List<ShellList>? substitutions, bool inDoubleQuotes, ref bool quoted)
    {
        var start = position;
        var next = At(1);
        if (next == '{')
        {
            var close = FindClosingBrace(position + 2);
            if (close < 0)
            {
                Error = "an unterminated ${";
                position = text.Length;
                return;
            }

            var content = text.AsSpan(position + 2, close - position - 2);
            position = close + 1;
            if (TryExpandBraced(content, out var expanded))
            {
                value.Append(expanded);
            }
            else
            {
                value.Append(text, start, position - start);
                resolved = false;
            }

            return;
        }

        if (next == '(')
        {
            if (At(2) == '(')
            {
                var end = FindArithmeticEnd(position + 3);
                position = end < 0 ? text.Length : end;
                value.Append(text, start, position - start);
                resolved = false;
                return;
            }

            var list = ParseSubstitution(position + 2, closeWith: ')');
            value.Append(text, start, position - start);
            resolved = false;
            (substitutions ??= []).Add(list);
            return;
        }

        if (next == '\'' && !inDoubleQuotes)
        {
            quoted = true;
            position += 2;
            ReadAnsiCQuoted(value);
            return;
        }

        if (next == '"' && !inDoubleQuotes)
        {
            position++;
            return;
        }

        if (char.IsAsciiLetter(next) || next == '_')
        {
            var end = position + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            var name = text[(position + 1)..end];
            position = end;
            if (Variables.TryGet(name, out var known))
            {
                value.Append(known);
            }
            else
            {
                value.Append('$').Append(name);
                resolved = false;
            }

            return;
        }

        if (char.IsAsciiDigit(next) || next is '@' or '*' or '#' or '?' or '$' or '!' or '-')
        {
            position += 2;
            value.Append(text, start, 2);
            resolved = false;
            return;
        }

        value.Append('$');
        position++;
    }

    private bool TryExpandBraced(ReadOnlySpan<char> content, out string expanded)
    {
        expanded = string.Empty;
        var nameEnd = 0;
        while (nameEnd < content.Length && (char.IsAsciiLetterOrDigit(content[nameEnd]) || content[nameEnd] == '_'))
        {
            nameEnd++;
        }

        var name = content[..nameEnd];
        if (!ShellVariables.IsName(name))
        {
            return false;
        }

        var known = Variables.TryGet(name.ToString(), out var current);
        var rest = content[nameEnd..];
        if (rest.IsEmpty)
        {
            expanded = current;
            return known;
        }

        var colon = rest[0] == ':';
        var op = colon ? rest[1..] : rest;
        if (op.IsEmpty || op[0] is not ('-' or '=' or '+'))
        {
            return false;
        }

        var alternative = op[1..];
        if (!known || alternative.IndexOfAny("$`\"'\\") >= 0)
        {
            return false;
        }

        var isSet = !colon || current.Length > 0;
        expanded = op[0] == '+'
            ? (isSet ? alternative.ToString() : string.Empty)
            : (isSet ? current : alternative.ToString());
        return true;
    }

    private int FindClosingBrace(int from)
    {
        var nesting = 0;
        for (var i = from; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    nesting++;
                    break;
                case '}' when nesting == 0:
                    return i;
                case '}':
                    nesting--;
                    break;
            }
        }

        return -1;
    }

    private int FindArithmeticEnd(int from)
    {
        var nesting = 0;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '(')
            {
                nesting++;
            }
            else if (text[i] == ')')
            {
                if (nesting == 0)
                {
                    return i + 1 < text.Length && text[i + 1] == ')' ? i + 2 : i + 1;
                }

                nesting--;
            }
        }

        return -1;
    }

    private ShellList ParseSubstitution(int start, char closeWith)
    {
        if (depth >= MaxDepth)
        {
            Error = "command substitutions nested too deeply";
            position = text.Length;
            return ShellList.Empty;
        }

        var inner = new ShellLexer(text, start, Variables.Clone(), depth + 1, null);
        var list = new ShellParser(inner).ParseSubstitutionBody(closeWith);
        if (inner.Error is not null)
        {
            Error = inner.Error;
            position = text.Length;
            return list;
        }

        position = inner.Position;
        return list;
    }

    private void ReadBackticks(StringBuilder value, ref bool resolved, ref List<ShellList>? substitutions)
    {
        var start = position;
        var inner = new StringBuilder();
        var i = position + 1;
        for (; i < text.Length && text[i] != '`'; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '`' or '\\' or '$')
            {
                i++;
            }

            inner.Append(text[i]);
        }

        if (i >= text.Length)
        {
            Error = "an unterminated backtick";
            position = text.Length;
            return;
        }

        position = i + 1;
        value.Append(text, start, position - start);
        resolved = false;
        if (depth >= MaxDepth)
        {
            Error = "command substitutions nested too deeply";
            position = text.Length;
            return;
        }

        var lexer = new ShellLexer(inner.ToString(), 0, Variables.Clone(), depth + 1, null);
        var list = new ShellParser(lexer).ParseScript();
        (substitutions ??= []).Add(list);
    }

    private void ReadAnsiCQuoted(StringBuilder value)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '\'')
            {
                position++;
                return;
            }

            if (c == '\\' && position + 1 < text.Length)
            {
                var escaped = text[position + 1];
                value.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    _ => escaped,
                });
                position += 2;
                continue;
            }

            value.Append(c);
            position++;
        }

        Error = "an unterminated $' quote";
    }
}
