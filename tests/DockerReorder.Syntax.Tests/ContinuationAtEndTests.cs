namespace DockerReorder.Syntax.Tests;

/// <summary>
/// <see cref="DockerfileSyntax.EndsInsideContinuation"/>: whether a line written after the last instruction would
/// join it, which decides whether a fix may move anything below that instruction.
/// </summary>
public sealed class ContinuationAtEndTests
{
    [Theory]
    [InlineData("FROM a\nRUN x \\", true)]
    [InlineData("FROM a\nRUN x \\\n", true)]
    [InlineData("FROM a\nRUN x \\  \t\r\n", true)]
    [InlineData("FROM a\nRUN x \\\n  # a comment the continuation skips", true)]
    [InlineData("FROM a\nRUN x \\\n\n", true)]
    [InlineData("FROM a\nRUN x \\\n  y \\\n", true)]
    [InlineData("# escape=`\nFROM a\nRUN x `\n", true)]
    [InlineData("FROM a\nRUN x", false)]
    [InlineData("FROM a\nRUN x\n", false)]
    [InlineData("FROM a\nRUN x \\\n  y\n", false)]
    [InlineData("FROM a\nRUN x \\\\\n", false)]
    [InlineData("# escape=`\nFROM a\nRUN x \\\n", false)]
    [InlineData("FROM a\nRUN x\n# a trailing comment \\\n", false)]
    [InlineData("FROM a\nRUN <<EOF\necho \\\nEOF\n", false)]
    [InlineData("", false)]
    public void Tells_whether_a_line_after_the_last_instruction_would_join_it(string text, bool expected)
    {
        var tree = DockerfileParser.Parse(text);
        Assert.Equal(expected, tree.EndsInsideContinuation);
    }
}
