namespace DockerReorder.Analysis.Shell;

/// <summary>
/// Reads a POSIX shell script (the shell form of <c>RUN</c>) into lists of commands. Quotes are removed,
/// known variables substituted, compound commands read into their parts; what it does not look into
/// (<c>case</c>, functions, syntax errors) becomes an <see cref="OpaqueCommand"/>. Never throws.
/// </summary>
public sealed class ShellParser
{
    private const int MaxNesting = 48;
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>(StringComparer.Ordinal);
    private static readonly string[] ThenWords = ["then"];
    private static readonly string[] BranchEndWords = ["elif", "else", "fi"];
    private static readonly string[] FiWords = ["fi"];
    private static readonly string[] DoWords = ["do"];
    private static readonly string[] DoneWords = ["done"];
    private static readonly string[] BraceWords = ["}"];

    private readonly ShellLexer lexer;
    private int nesting;

    internal ShellParser(ShellLexer lexer)
    {
        this.lexer = lexer;
    }

    /// <summary>Reads <paramref name="script"/>.</summary>
    /// <param name="script">The shell text.</param>
    /// <param name="environment">Variables known before the script runs (ENV and ARG values); others stay as written.</param>
    /// <param name="heredocBodies">Bodies of the heredocs the script's <c>&lt;&lt;</c> redirections name, in order, when the Dockerfile parser already took them out of the text.</param>
    /// <returns>The commands of the script.</returns>
    public static ShellList Parse(string script, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? heredocBodies = null) =>
        Parse(script, new ShellVariables(environment ?? NoVariables), heredocBodies);

    /// <summary>Reads <paramref name="script"/> with <paramref name="variables"/>, which it updates as the script assigns.</summary>
    /// <param name="script">The shell text.</param>
    /// <param name="variables">The variables the script starts with.</param>
    /// <param name="heredocBodies">Bodies of the heredocs already taken out of the text, in order.</param>
    /// <returns>The commands of the script.</returns>
    public static ShellList Parse(string script, ShellVariables variables, IReadOnlyList<string>? heredocBodies = null)
    {
        var queue = heredocBodies is { Count: > 0 } ? new Queue<string>(heredocBodies) : null;
        var lexer = new ShellLexer(script ?? string.Empty, 0, variables, 0, queue);
        return new ShellParser(lexer).ParseScript();
    }

    /// <summary>Reads a whole script; stray closing words become opaque commands.</summary>
    internal ShellList ParseScript()
    {
        var items = new List<ShellListItem>();
        while (true)
        {
            items.AddRange(ParseList([], stopAtParen: false).Items);
            if (lexer.Peek().Kind == ShellTokenKind.End)
            {
                break;
            }

            var stray = lexer.Next();
            items.Add(new ShellListItem(new OpaqueCommand(stray.Text, $"unexpected `{stray.Text}`"), ShellOperator.Sequence));
        }

        if (lexer.Error is not null)
        {
            items.Add(new ShellListItem(new OpaqueCommand(string.Empty, $"the script has {lexer.Error}"), ShellOperator.End));
        }

        return new ShellList(items);
    }

    /// <summary>Reads the body of <c>$(...)</c> up to and including its closing parenthesis.</summary>
    internal ShellList ParseSubstitutionBody(char closeWith)
    {
        var list = ParseList([], stopAtParen: closeWith == ')');
        if (lexer.Peek().IsOperator(")"))
        {
            lexer.Next();
        }
        else
        {
            lexer.Fail("an unterminated $(");
        }

        return list;
    }

    private ShellList ParseList(string[] stopWords, bool stopAtParen)
    {
        var items = new List<ShellListItem>();
        while (true)
        {
            var token = lexer.Peek();
            if (token.Kind == ShellTokenKind.End)
            {
                break;
            }

            if (token.Kind == ShellTokenKind.Newline || token.IsOperator(";"))
            {
                lexer.Next();
                continue;
            }

            if (stopAtParen && token.IsOperator(")"))
            {
                break;
            }

            if (token.Kind == ShellTokenKind.Word && !token.IsQuoted && Array.IndexOf(stopWords, token.Text) >= 0)
            {
                break;
            }

            if (token.Kind == ShellTokenKind.Operator && !token.IsOperator("("))
            {
                if (stopWords.Length > 0 || stopAtParen)
                {
                    break;
                }

                lexer.Next();
                items.Add(new ShellListItem(new OpaqueCommand(token.Text, $"unexpected `{token.Text}`"), ShellOperator.Sequence));
                continue;
            }

            var command = ParseCommand();
            var next = lexer.Peek();
            var op = next.Kind switch
            {
                ShellTokenKind.Newline => ShellOperator.Sequence,
                ShellTokenKind.Operator => next.Text switch
                {
                    "&&" => ShellOperator.And,
                    "||" => ShellOperator.Or,
                    "|" or "|&" => ShellOperator.Pipe,
                    "&" => ShellOperator.Background,
                    ";" => ShellOperator.Sequence,
                    _ => ShellOperator.End,
                },
                _ => ShellOperator.End,
            };

            if (op is ShellOperator.And or ShellOperator.Or or ShellOperator.Pipe or ShellOperator.Background || next.IsOperator(";"))
            {
                lexer.Next();
                while (op is not ShellOperator.Background && lexer.Peek().Kind == ShellTokenKind.Newline)
                {
                    lexer.Next();
                }
            }

            items.Add(new ShellListItem(command, op));
        }

        if (items.Count > 0 && items[^1].Operator is ShellOperator.And or ShellOperator.Or or ShellOperator.Pipe)
        {
            items.Add(new ShellListItem(new OpaqueCommand(string.Empty, "an operator with no command after it"), ShellOperator.End));
        }

        if (items.Count > 0 && items[^1].Operator != ShellOperator.End)
        {
            items[^1] = items[^1] with { Operator = ShellOperator.End };
        }

        return new ShellList(items);
    }

    private ShellCommand ParseCommand()
    {
        var token = lexer.Peek();
        if (++nesting > MaxNesting)
        {
            lexer.Fail("commands nested too deeply");
            nesting--;
            return new OpaqueCommand(token.Text, "commands nested too deeply");
        }

        try
        {
            ShellCommand command;
            if (token.IsOperator("("))
            {
                command = ParseSubshell();
            }
            else if (token.Kind == ShellTokenKind.Word && !token.IsQuoted)
            {
                switch (token.Text)
                {
                    case "if":
                        command = ParseIf();
                        break;
                    case "while" or "until":
                        command = ParseWhile(token.Text);
                        break;
                    case "for":
                        command = ParseFor();
                        break;
                    case "case":
                        return SkipOpaque("case", "esac", "`case` is a compound command the catalogue does not look into");
                    case "select":
                        return SkipOpaque("do", "done", "`select` is a compound command the catalogue does not look into");
                    case "function":
                        lexer.Next();
                        return SkipFunction();
                    case "{":
                        command = ParseGroup();
                        break;
                    case "!":
                        lexer.Next();
                        return lexer.Peek().Kind == ShellTokenKind.Word || lexer.Peek().IsOperator("(")
                            ? ParseCommand()
                            : new OpaqueCommand("!", "a lone `!`");
                    case "then" or "elif" or "else" or "fi" or "do" or "done" or "esac" or "}" or "in":
                        lexer.Next();
                        return new OpaqueCommand(token.Text, $"unexpected `{token.Text}`");
                    case "[[":
                        return ParseDoubleBracket();
                    default:
                        return ParseSimple();
                }
            }
            else
            {
                return ParseSimple();
            }

            if (command is CompoundCommand compound)
            {
                var redirections = ParseRedirections();
                if (redirections.Count > 0)
                {
                    command = compound with { Redirections = redirections };
                }
            }

            return command;
        }
        finally
        {
            nesting--;
        }
    }

    private ShellCommand ParseSimple()
    {
        var assignments = new List<ShellAssignment>();
        var words = new List<ShellWord>();
        var redirections = new List<ShellRedirection>();
        var substitutions = new List<ShellList>();
        var consumed = false;
        while (true)
        {
            var token = lexer.Peek();
            if (token.Kind == ShellTokenKind.Word)
            {
                lexer.Next();
                consumed = true;
                if (words.Count == 0 && token.AssignmentName is { } name)
                {
                    assignments.Add(new ShellAssignment(name, new ShellWord(token.Word.Value[(name.Length + 1)..], token.Word.IsResolved)));
                }
                else
                {
                    words.Add(token.Word);
                }

                if (token.Substitutions is not null)
                {
                    substitutions.AddRange(token.Substitutions);
                }

                if (words.Count == 1 && assignments.Count == 0 && lexer.Peek().IsOperator("("))
                {
                    lexer.Next();
                    if (lexer.Peek().IsOperator(")"))
                    {
                        lexer.Next();
                        return SkipFunction();
                    }

                    lexer.Fail("a `(` after a command name");
                    return new OpaqueCommand(token.Text, "a `(` after a command name");
                }
            }
            else if (token.Kind == ShellTokenKind.Redirection)
            {
                consumed = true;
                redirections.Add(ParseRedirection(substitutions));
            }
            else
            {
                break;
            }
        }

        if (!consumed)
        {
            var stray = lexer.Next();
            return new OpaqueCommand(stray.Text, $"unexpected `{stray.Text}`");
        }

        var command = new SimpleCommand(assignments, words, redirections, substitutions);
        lexer.Variables.Apply(command);
        return command;
    }

    private ShellRedirection ParseRedirection(List<ShellList>? substitutions)
    {
        var op = lexer.Next();
        var target = lexer.Peek();
        ShellWord word = default;
        if (target.Kind == ShellTokenKind.Word)
        {
            lexer.Next();
            word = target.Word;
            if (target.Substitutions is not null)
            {
                substitutions?.AddRange(target.Substitutions);
            }
        }
        else
        {
            lexer.Fail($"a `{op.Text}` without a target");
        }

        var redirection = new ShellRedirection(op.Text, op.FileDescriptor, word);
        if (redirection.IsHeredoc)
        {
            lexer.AddHeredoc(redirection);
        }

        return redirection;
    }

    private List<ShellRedirection> ParseRedirections()
    {
        var redirections = new List<ShellRedirection>();
        while (lexer.Peek().Kind == ShellTokenKind.Redirection)
        {
            redirections.Add(ParseRedirection(null));
        }

        return redirections;
    }

    private ShellCommand ParseIf()
    {
        lexer.Next();
        var parts = new List<ShellList>();
        var outer = lexer.Variables;
        var scope = outer.Clone();
        lexer.Variables = scope;
        try
        {
            while (true)
            {
                parts.Add(ParseList(ThenWords, stopAtParen: false));
                if (!Expect("then"))
                {
                    return Unterminated("if");
                }

                parts.Add(ParseList(BranchEndWords, stopAtParen: false));
                var next = lexer.Next();
                if (next.IsReserved("elif"))
                {
                    continue;
                }

                if (next.IsReserved("else"))
                {
                    parts.Add(ParseList(FiWords, stopAtParen: false));
                    if (!Expect("fi"))
                    {
                        return Unterminated("if");
                    }
                }
                else if (!next.IsReserved("fi"))
                {
                    return Unterminated("if");
                }

                return new CompoundCommand("if", parts, []);
            }
        }
        finally
        {
            lexer.Variables = outer;
            outer.ForgetAssignedIn(scope);
        }
    }

    private ShellCommand ParseWhile(string keyword)
    {
        lexer.Next();
        var outer = lexer.Variables;
        var scope = outer.Clone();
        lexer.Variables = scope;
        try
        {
            var condition = ParseList(DoWords, stopAtParen: false);
            if (!Expect("do"))
            {
                return Unterminated(keyword);
            }

            var body = ParseList(DoneWords, stopAtParen: false);
            return Expect("done") ? new CompoundCommand(keyword, [condition, body], []) : Unterminated(keyword);
        }
        finally
        {
            lexer.Variables = outer;
            outer.ForgetAssignedIn(scope);
        }
    }

    private ShellCommand ParseFor()
    {
        lexer.Next();
        var name = lexer.Peek();
        if (name.Kind != ShellTokenKind.Word || !ShellVariables.IsName(name.Word.Value))
        {
            return SkipOpaque("do", "done", "this form of `for` is not one the catalogue looks into");
        }

        lexer.Next();
        var words = new List<ShellWord>();
        while (lexer.Peek().Kind == ShellTokenKind.Newline)
        {
            lexer.Next();
        }

        if (lexer.Peek().IsReserved("in"))
        {
            lexer.Next();
            while (lexer.Peek().Kind == ShellTokenKind.Word)
            {
                words.Add(lexer.Next().Word);
            }
        }

        while (lexer.Peek().Kind == ShellTokenKind.Newline || lexer.Peek().IsOperator(";"))
        {
            lexer.Next();
        }

        var outer = lexer.Variables;
        var scope = outer.Clone();
        scope.Set(name.Word.Value, null);
        lexer.Variables = scope;
        try
        {
            if (!Expect("do"))
            {
                return Unterminated("for");
            }

            var body = ParseList(DoneWords, stopAtParen: false);
            return Expect("done")
                ? new CompoundCommand("for", [body], [], name.Word.Value, words)
                : Unterminated("for");
        }
        finally
        {
            lexer.Variables = outer;
            outer.ForgetAssignedIn(scope);
        }
    }

    private ShellCommand ParseGroup()
    {
        lexer.Next();
        var body = ParseList(BraceWords, stopAtParen: false);
        return Expect("}") ? new CompoundCommand("{", [body], []) : Unterminated("{");
    }

    private ShellCommand ParseSubshell()
    {
        lexer.Next();
        var outer = lexer.Variables;
        lexer.Variables = outer.Clone();
        try
        {
            var body = ParseList([], stopAtParen: true);
            if (!lexer.Peek().IsOperator(")"))
            {
                return Unterminated("(");
            }

            lexer.Next();
            return new CompoundCommand("(", [body], []);
        }
        finally
        {
            lexer.Variables = outer;
        }
    }

    private ShellCommand ParseDoubleBracket()
    {
        var words = new List<ShellWord>();
        while (true)
        {
            var token = lexer.Peek();
            if (token.Kind is ShellTokenKind.End or ShellTokenKind.Newline)
            {
                return Unterminated("[[");
            }

            lexer.Next();
            words.Add(token.Kind == ShellTokenKind.Word ? token.Word : new ShellWord(token.Text));
            if (token.IsReserved("]]"))
            {
                return new SimpleCommand([], words, [], []);
            }
        }
    }

    private OpaqueCommand SkipOpaque(string open, string close, string reason)
    {
        var first = lexer.Next();
        var depth = first.IsReserved(open) ? 1 : 0;
        var seenOpen = depth > 0;
        while (true)
        {
            var token = lexer.Next();
            if (token.Kind == ShellTokenKind.End)
            {
                lexer.Fail($"an unterminated `{first.Text}`");
                return new OpaqueCommand(first.Text, reason);
            }

            if (token.IsReserved(open))
            {
                depth++;
                seenOpen = true;
            }
            else if (token.IsReserved(close) && seenOpen && --depth == 0)
            {
                ParseRedirections();
                return new OpaqueCommand($"{first.Text} … {close}", reason);
            }
        }
    }

    private OpaqueCommand SkipFunction()
    {
        while (lexer.Peek().Kind == ShellTokenKind.Word && lexer.Peek().Text != "{")
        {
            lexer.Next();
        }

        if (lexer.Peek().IsOperator("(") && lexer.Next().Kind == ShellTokenKind.Operator && lexer.Peek().IsOperator(")"))
        {
            lexer.Next();
        }

        while (lexer.Peek().Kind == ShellTokenKind.Newline)
        {
            lexer.Next();
        }

        if (lexer.Peek().Kind != ShellTokenKind.End)
        {
            ParseCommand();
        }

        return new OpaqueCommand("function", "function definitions are not looked into");
    }

    private bool Expect(string word)
    {
        if (lexer.Peek().IsReserved(word))
        {
            lexer.Next();
            return true;
        }

        return false;
    }

    private OpaqueCommand Unterminated(string keyword)
    {
        lexer.Fail($"an unterminated `{keyword}`");
        return new OpaqueCommand(keyword, $"an unterminated `{keyword}`");
    }
}
