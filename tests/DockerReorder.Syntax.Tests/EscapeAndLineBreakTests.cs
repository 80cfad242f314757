namespace DockerReorder.Syntax.Tests;

/// <summary>The escape directive, continuation rules, CRLF and lone CR.</summary>
public class EscapeAndLineBreakTests
{
    /// <summary>With <c># escape=`</c> the backtick continues lines and a backslash is an ordinary character.</summary>
    [Fact]
    public void Backtick_escape_directive()
    {
        var tree = DockerfileParser.Parse("# escape=`\nFROM windows\nRUN dir c:\\ `\n    && echo done\n");
        Assert.Equal('`', tree.EscapeCharacter);
        Assert.Equal(["dir c:\\     && echo done"], tree.Instructions[1].Arguments);
        Assert.Contains(tree.Instructions[1].Tokens.SelectMany(t => t.TrailingTrivia), t => t.Kind == TriviaKind.LineContinuation && t.Text == "`");
    }

    /// <summary>An escape directive after a blank line or comment is only a comment.</summary>
    [Fact]
    public void Directive_after_a_comment_is_ignored()
    {
        var tree = DockerfileParser.Parse("# hello\n# escape=`\nFROM a\n");
        Assert.Equal('\\', tree.EscapeCharacter);
        Assert.Empty(tree.Directives);
    }

    /// <summary>Invalid and repeated directives are errors with a position.</summary>
    [Fact]
    public void Invalid_or_repeated_directives_are_errors()
    {
        var invalid = DockerfileParser.Parse("# escape=x\nFROM a\n");
        Assert.Equal("invalid escape token 'x' does not match ` or \\", BuildKitDump.FirstError(invalid)?.Message);
        var repeated = DockerfileParser.Parse("# syntax=a\n# syntax=b\nFROM a\n");
        var error = BuildKitDump.FirstError(repeated);
        Assert.Equal("only one syntax parser directive can be used", error?.Message);
        Assert.Equal(new LinePosition(2, 1), error?.Position);
    }

    /// <summary>An escaped escape at the end of a line does not continue it.</summary>
    [Fact]
    public void Escaped_escape_does_not_continue()
    {
        var tree = DockerfileParser.Parse("ENV C trailing\\\\\nENV D next\n");
        Assert.Equal(2, tree.Instructions.Count);
        Assert.Equal(["C", "trailing\\\\", ""], tree.Instructions[0].Arguments);
    }

    /// <summary>CRLF files: values carry no CR; line breaks are "\r\n" trivia.</summary>
    [Fact]
    public void Crlf_continuations_join_without_carriage_returns()
    {
        var tree = DockerfileParser.Parse("FROM a\r\nRUN apk add \\\r\n    curl\r\n");
        var run = tree.Instructions[1];
        Assert.Equal(["apk add     curl"], run.Arguments);
        Assert.Equal("RUN apk add \\\r\n    curl\r\n", run.ToString());
        Assert.Equal("\r\n", run.Tokens[^1].TrailingTrivia[^1].Text);
        Assert.Equal("\r\n", tree.Source.NewLine);
    }

    /// <summary>A lone CR is not a line break (BuildKit splits on LF only).</summary>
    [Fact]
    public void Lone_cr_is_not_a_line_break()
    {
        var tree = DockerfileParser.Parse("FROM a\rRUN b\n");
        Assert.Single(tree.Instructions);
        Assert.Equal(["a", "RUN", "b"], tree.Instructions[0].Arguments); // CR is in BuildKit's [\t\v\f\r ] word separators
        Assert.Equal("FROM a\rRUN b\n", tree.Instructions[0].ToString());
    }

    /// <summary>Blank lines inside a continuation warn, as BuildKit does.</summary>
    [Fact]
    public void Empty_continuation_line_warns()
    {
        var tree = DockerfileParser.Parse("FROM a\nRUN a \\\n\n    b\n");
        var warning = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith("Empty continuation line found in: RUN a     b", warning.Message);
        Assert.Null(BuildKitDump.FirstError(tree));
    }

    /// <summary>A 10,000-line continuation is one instruction.</summary>
    [Fact]
    public void Long_continuation_is_one_instruction()
    {
        string text = "FROM a\nRUN echo \\\n" + string.Concat(Enumerable.Repeat("  && echo line \\\n", 10_000)) + "  done\n";
        var tree = DockerfileParser.Parse(text);
        Assert.Equal(2, tree.Instructions.Count);
        Assert.Equal(10_003, tree.Instructions[1].EndLine);
        Assert.Equal(text, tree.ToFullString());
    }
}
