namespace DockerReorder.Syntax.Tests;

/// <summary>
/// Tokens are made on first access from offsets kept by the parser; what they hold must be what BuildKit's
/// word splitting gives, including the words whose value is not their text.
/// </summary>
public class LazyTokenTests
{
    /// <summary>Shell-form words: values are the words as written, quotes and escapes kept.</summary>
    [Fact]
    public void Shell_words_have_their_text_as_value()
    {
        var run = DockerfileParser.Parse("RUN echo \"a b\" c\\ d  'e'\n").Instructions[0];
        Assert.Equal(["echo", "\"a b\"", "c\\ d", "'e'"], run.ArgumentTokens.Select(t => t.Value));
        Assert.Equal(run.ArgumentTokens.Select(t => t.Value), run.ArgumentTokens.Select(t => t.Text));
    }

    /// <summary>A final escape character is dropped from the value (BuildKit's parseWords) but stays in the text.</summary>
    [Fact]
    public void Final_escape_is_dropped_from_the_value_only()
    {
        var cmd = DockerfileParser.Parse("CMD echo a\\ \n").Instructions[0];
        var last = cmd.ArgumentTokens[^1];
        Assert.Equal("a", last.Value);
        Assert.Equal("a", last.Text);
        var run = DockerfileParser.Parse("RUN echo ab\\").Instructions[0];
        Assert.Equal("ab", run.ArgumentTokens[^1].Value);
    }

    /// <summary>A word cut by a continuation has the joined value and the source text.</summary>
    [Fact]
    public void Word_across_a_continuation_has_the_joined_value()
    {
        var run = DockerfileParser.Parse("RUN echo ab\\\ncd ef\n").Instructions[0];
        var word = run.ArgumentTokens[1];
        Assert.Equal("abcd", word.Value);
        Assert.Equal("ab\\\ncd", word.Text);
        Assert.Equal("ef", run.ArgumentTokens[2].Value);
    }

    /// <summary>An invalid UTF-8 byte reads as U+FFFD in the value, as Go's range over a string does; the text keeps the byte.</summary>
    [Fact]
    public void Invalid_byte_is_a_replacement_character_in_the_value()
    {
        byte[] bytes = [.. "RUN echo a"u8, 0xFF, .. "b\n"u8];
        var tree = DockerfileParser.Parse(bytes);
        var word = tree.Instructions[0].ArgumentTokens[1];
        Assert.Equal("a\uFFFDb", word.Value);
        Assert.Equal("a\uDCFFb", word.Text);
        Assert.Equal(bytes, tree.ToFullBytes());
    }

    /// <summary>The keyword, flags and argument tokens are the same objects as in <see cref="InstructionSyntax.Tokens"/>, however they are first reached.</summary>
    [Fact]
    public void Views_share_token_objects()
    {
        var tree = DockerfileParser.Parse("COPY --chown=a:b src /dst\n");
        var copy = tree.Instructions[0];
        var flag = copy.Flags[0].Token;
        Assert.Same(copy.Tokens[0], copy.Keyword);
        Assert.Same(copy.Tokens[1], flag);
        Assert.Same(copy.Tokens[2], copy.ArgumentTokens[0]);
        Assert.Same(copy.Tokens[3], copy.ArgumentTokens[1]);
    }

    /// <summary>Concurrent first accesses agree on one set of tokens.</summary>
    [Fact]
    public void Concurrent_first_access_gives_one_set_of_tokens()
    {
        var tree = DockerfileParser.Parse(string.Concat(Enumerable.Repeat("RUN a b c\n# note\nCOPY x y\n", 200)));
        var keywords = new SyntaxToken[tree.Instructions.Count];
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < tree.Instructions.Count; i++)
            {
                var k = tree.Instructions[i].Keyword;
                var previous = Interlocked.CompareExchange(ref keywords[i], k, null);
                Assert.Same(previous ?? k, k);
                Assert.Same(tree.Instructions[i].Tokens[0], k);
            }
        });
    }
}
