namespace DockerReorder.Syntax.Tests;

/// <summary>Spans, lines and argument tokens point at the right source text.</summary>
public class SpanTests
{
    /// <summary>Span runs from the keyword through continuation lines and the final line break.</summary>
    [Fact]
    public void Span_covers_continuations_and_the_final_line_break()
    {
        var tree = DockerfileParser.Parse("FROM a\n\n  RUN echo a \\\n    b\nCMD c");
        var run = tree.Instructions[1];
        Assert.Equal("RUN echo a \\\n    b\n", run.ToString());
        Assert.Equal("\n  RUN echo a \\\n    b\n", run.ToFullString());
        Assert.Equal((3, 4), (run.StartLine, run.EndLine));
        Assert.True(run.EndsWithLineBreak);
        var cmd = tree.Instructions[2];
        Assert.Equal("CMD c", cmd.ToString());
        Assert.False(cmd.EndsWithLineBreak);
        Assert.Equal(5, cmd.EndLine);
    }

    /// <summary>One token per word lets a fix replace a COPY destination in place.</summary>
    [Fact]
    public void Copy_destination_token_can_be_replaced_by_span()
    {
        var tree = DockerfileParser.Parse("FROM a\nCOPY --chown=app:app src/ package.json   /app/\n");
        var copy = tree.Instructions[1];
        Assert.Equal(["src/", "package.json", "/app/"], copy.ArgumentTokens.Select(t => t.Text));
        var dest = copy.ArgumentTokens[^1].Span;
        string text = tree.Source.Text;
        Assert.Equal("FROM a\nCOPY --chown=app:app src/ package.json   /srv/\n", text[..dest.Start] + "/srv/" + text[dest.End..]);
    }

    /// <summary>Exec form: one argument token per JSON element, inside one JSON array token.</summary>
    [Fact]
    public void Exec_form_has_one_token_per_element()
    {
        var tree = DockerfileParser.Parse("CMD [\"uvicorn\", \"main:app\"] \n");
        var cmd = tree.Instructions[0];
        Assert.True(cmd.IsJsonForm);
        Assert.Equal(["uvicorn", "main:app"], cmd.Arguments);
        Assert.Equal(["\"uvicorn\"", "\"main:app\""], cmd.ArgumentTokens.Select(t => t.Text));
        Assert.Equal(["uvicorn", "main:app"], cmd.ArgumentTokens.Select(t => t.Value));
        Assert.Contains(cmd.Tokens, t => t.Kind == SyntaxTokenKind.JsonArray && t.Text == "[\"uvicorn\", \"main:app\"]");
    }

    /// <summary>A word split by a continuation keeps its source text and joins its value.</summary>
    [Fact]
    public void Token_text_is_the_source_and_value_the_joined_word()
    {
        var tree = DockerfileParser.Parse("RU\\\nN ec\\\nho hi\n");
        var run = tree.Instructions[0];
        Assert.Equal("RU\\\nN", run.Keyword.Text);
        Assert.Equal("RUN", run.Keyword.Value);
        Assert.Equal(InstructionKind.Run, run.Kind);
        Assert.Equal(["echo hi"], run.Arguments);
        Assert.Equal("ec\\\nho", run.ArgumentTokens[0].Text);
        Assert.Equal("echo", run.ArgumentTokens[0].Value);
    }

    /// <summary>Shell-form RUN keeps the whole command as BuildKit's one argument, and a token per word.</summary>
    [Fact]
    public void Shell_form_keeps_one_argument_and_word_tokens()
    {
        var tree = DockerfileParser.Parse("RUN pip install -r 'requirements file.txt'\n");
        var run = tree.Instructions[0];
        Assert.Equal(["pip install -r 'requirements file.txt'"], run.Arguments);
        Assert.Equal(["pip", "install", "-r", "'requirements file.txt'"], run.ArgumentTokens.Select(t => t.Text));
        Assert.Equal("pip install -r 'requirements file.txt'", run.ArgumentsText);
    }

    /// <summary>ONBUILD wraps a full instruction whose tokens are the outer instruction's.</summary>
    [Fact]
    public void Onbuild_wraps_a_sub_instruction()
    {
        var tree = DockerfileParser.Parse("ONBUILD COPY --link . /src\n");
        var onbuild = tree.Instructions[0];
        var inner = Assert.IsType<InstructionSyntax>(onbuild.OnbuildInstruction);
        Assert.Equal(InstructionKind.Copy, inner.Kind);
        Assert.Equal(["link"], inner.Flags.Select(f => f.Name));
        Assert.Equal([".", "/src"], inner.Arguments);
        Assert.Equal("COPY --link . /src\n", inner.ToString());
        Assert.Equal("(onbuild (copy [\"--link\"] \".\" \"/src\"))\n", BuildKitDump.Dump(tree));
    }
}
