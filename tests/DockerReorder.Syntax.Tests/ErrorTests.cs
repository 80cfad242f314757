namespace DockerReorder.Syntax.Tests;

/// <summary>Files BuildKit rejects give error diagnostics with line and column; nothing throws.</summary>
public class ErrorTests
{
    /// <summary>ENV with a name and no value.</summary>
    [Fact]
    public void Env_without_value()
    {
        var error = BuildKitDump.FirstError(DockerfileParser.Parse("FROM a\n\n  ENV PATH\n"));
        Assert.Equal("ENV must have two arguments", error?.Message);
        Assert.Equal(new LinePosition(3, 3), error?.Position);
        Assert.Equal("Dockerfile:3:3: ENV must have two arguments", BuildKitDump.FormatError("Dockerfile", error!));
    }

    /// <summary>ENV with a word that has no '=' in the new format.</summary>
    [Fact]
    public void Env_new_format_word_without_equals()
    {
        var error = BuildKitDump.FirstError(DockerfileParser.Parse("ENV a=b c\n"));
        Assert.Equal("Syntax error - can't find = in \"c\". Must be of the form: name=value", error?.Message);
    }

    /// <summary>Empty and comment-only files have no instructions.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    [InlineData("\uFEFF")]
    public void File_with_no_instructions(string text)
    {
        var tree = DockerfileParser.Parse(text);
        Assert.Equal("file with no instructions", BuildKitDump.FirstError(tree)?.Message);
        Assert.Equal(text, tree.ToFullString());
    }

    /// <summary>JSON arrays must hold only strings; other JSON falls back to shell form.</summary>
    [Fact]
    public void Json_with_non_strings_is_rejected_but_invalid_json_is_shell_form()
    {
        Assert.Equal("when using JSON array syntax, arrays must be comprised of strings only",
            BuildKitDump.FirstError(DockerfileParser.Parse("CMD [\"a\", [\"b\"]]\n"))?.Message);
        var shell = DockerfileParser.Parse("CMD [\"a\", 'b']\n");
        Assert.Null(BuildKitDump.FirstError(shell));
        Assert.False(shell.Instructions[0].IsJsonForm);
        Assert.Equal(["[\"a\", 'b']"], shell.Instructions[0].Arguments);
    }

    /// <summary>Unknown instructions are kept and reported as warnings, not errors.</summary>
    [Fact]
    public void Unknown_instruction_is_a_warning()
    {
        var tree = DockerfileParser.Parse("FROM a\nFROBNICATE x y\n");
        Assert.Equal(InstructionKind.Unknown, tree.Instructions[1].Kind);
        var warning = Assert.Single(tree.Diagnostics);
        Assert.Equal("unknown instruction: FROBNICATE", warning.Message);
        Assert.Equal("(from \"a\")\n(frobnicate \"\")\n", BuildKitDump.Dump(tree));
    }

    /// <summary>Binary junk and invalid UTF-8 parse, dump and print back.</summary>
    [Fact]
    public void Binary_input_never_throws()
    {
        byte[] junk = [0xFF, 0x00, (byte)'\n', (byte)'R', (byte)'U', (byte)'N', (byte)' ', 0xC3, 0x28, (byte)'\\', (byte)'\r', (byte)'\n', 0x80];
        var tree = DockerfileParser.Parse(junk);
        Assert.Equal(junk, tree.ToFullBytes());
        Assert.Contains("\\xc3(", BuildKitDump.Dump(tree));
    }
}
