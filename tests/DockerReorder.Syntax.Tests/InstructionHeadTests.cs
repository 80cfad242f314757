using DockerReorder.Syntax.Tests.Support;

namespace DockerReorder.Syntax.Tests;

/// <summary>
/// The keyword and flags are made on their own, before the other tokens, from slots the parser keeps; they must be the
/// tokens a full reading makes, and the full token set made after them must reuse their objects.
/// </summary>
public class InstructionHeadTests
{
    private static readonly string[] Crafted =
    [
        "COPY --chown=a:b --chmod=644 src /dst\n",
        "COPY --from=build -- --weird /dst\n",
        "RUN --mount=type=cache,target=/root/.cache \\\n    --network=none \\\n    pip install x\n",
        "RUN --mount=\"type=cache,target=/a b\" echo\n",
        "RUN --mount='type=bind' --  echo hi # not a comment\n",
        "COPY --link\n",
        "COPY --link   \n\n",
        "RUN --flag \\\n# comment between\n  echo x\n",
        "RU\\\nN echo split keyword\n",
        "\\\nRUN echo after an empty first line\n",
        "run echo lower\nRun echo mixed\nFROG unknown keyword\n",
        "# escape=`\nRUN --mount=type=cache `\n  echo `\n  done\n",
        "ONBUILD COPY --chown=1 a b\n",
        "RUN --mount=type=secret,id=x <<EOF\necho hi\nEOF\n",
        "RUN <<EOF\necho hi\nEOF\n",
        "COPY --chown=a <<EOF /dst\nbody\nEOF\n",
        "ENTRYPOINT [\"a\", \"b\"]\nCMD [\"x\"]\n",
        "RUN --network=host\\\n\n  echo empty continuation\n",
        "COPY\t--chown=a\t\tsrc\tdst\r\nRUN x\r\n",
        "HEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1\n",
        "FROM --platform=$BUILDPLATFORM img AS b\n",
        "RUN ---weird --=x -- a\n",
        "FROM a\nRUN x \\\n\n  y\nENV onlyname\nCOPY [\"a\", 1] b\nRUN <<EOF\nnever ends\n",
        "\\\nRUN <<EOF\nx\n",
        "FROM a\n",
    ];

    /// <summary>Every shared and fixture file, and crafted flag layouts: keyword and flags first, then tokens, give what one full reading gives.</summary>
    [Fact]
    public void Keyword_and_flags_first_equal_one_full_reading()
    {
        var texts = Crafted.Select(t => System.Text.Encoding.UTF8.GetBytes(t)).ToList();
        var roots = new List<string> { Path.Combine(TestPaths.Repo, "fixtures"), Path.Combine(TestPaths.Shared, "corpus"), Path.Combine(TestPaths.Shared, "conformance") };
        foreach (var root in roots)
            texts.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
        Assert.True(texts.Count > 100);
        foreach (var bytes in texts)
        {
            var headFirst = DockerfileParser.Parse(bytes);
            for (int i = 0; i < headFirst.Instructions.Count; i++)
            {
                var a = headFirst.Instructions[i];
                if (a.Kind == InstructionKind.Onbuild) continue; // made eagerly, with its child
                // The reference: every token made in one reading, with no head made before.
                var b = Parsing.ParserSession.Rebuild(headFirst.Source, headFirst.EscapeCharacter, a.FullSpan.Start, a.Span.Start, a.Heredocs, head: null);
                var tokensOfB = b.Tokens;
                var keyword = a.Keyword;
                var flags = a.Flags;
                AssertSameToken(b.Keyword, keyword);
                Assert.Equal(b.Flags.Count, flags.Count);
                for (int f = 0; f < flags.Count; f++)
                {
                    Assert.Equal((b.Flags[f].Name, b.Flags[f].Value), (flags[f].Name, flags[f].Value));
                    AssertSameToken(b.Flags[f].Token, flags[f].Token);
                }
                Assert.Equal(tokensOfB.Count, a.Tokens.Count);
                for (int t = 0; t < tokensOfB.Count; t++) AssertSameToken(tokensOfB[t], a.Tokens[t]);
                Assert.Equal(b.LeadingTrivia, a.LeadingTrivia);
                Assert.Same(keyword, a.Keyword);
                Assert.Same(keyword, a.Tokens[0]);
                Assert.Same(flags, a.Flags);
                for (int f = 0; f < flags.Count; f++) Assert.Same(flags[f].Token, a.Tokens[1 + f]);
                Assert.Equal(b.ArgumentTokens.Count, a.ArgumentTokens.Count);
                for (int t = 0; t < b.ArgumentTokens.Count; t++) AssertSameToken(b.ArgumentTokens[t], a.ArgumentTokens[t]);
            }
        }
    }

    /// <summary>
    /// Lines counted while parsing (instructions' and diagnostics') equal lines looked up from the offsets, and the arguments text read again on first
    /// access equals the one made while parsing (the ONBUILD path keeps it), on every shared and fixture file.
    /// </summary>
    [Fact]
    public void Counted_lines_and_arguments_text_read_again_equal_the_direct_ones()
    {
        var texts = Crafted.Select(t => System.Text.Encoding.UTF8.GetBytes(t)).ToList();
        foreach (var root in new[] { Path.Combine(TestPaths.Repo, "fixtures"), Path.Combine(TestPaths.Shared, "corpus"), Path.Combine(TestPaths.Shared, "conformance") })
            texts.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
        foreach (var bytes in texts)
        {
            var tree = DockerfileParser.Parse(bytes);
            foreach (var diagnostic in tree.Diagnostics) Assert.Equal(tree.Source.GetLinePosition(diagnostic.Span.Start), diagnostic.Position);
            foreach (var instruction in tree.Instructions)
            {
                Assert.Equal(tree.Source.GetLinePosition(instruction.Span.Start).Line, instruction.StartLine);
                int endLine = instruction.Span.Length > 0 ? tree.Source.GetLinePosition(instruction.Span.End - 1).Line : instruction.StartLine;
                Assert.Equal(endLine, instruction.EndLine);
                // ONBUILD wraps the same text: the child's arguments text is the parent's minus the child keyword and flags.
                var wrapped = DockerfileParser.Parse("ONBUILD " + instruction.ToString().TrimEnd('\n', '\r')).Instructions;
                if (instruction.Kind is InstructionKind.Onbuild || tree.EscapeCharacter != '\\' || wrapped.Count != 1 || wrapped[0].OnbuildInstruction is not { } child
                    || wrapped[0].Flags.Count > 0 || child.Kind != instruction.Kind
                    || instruction.Heredocs.Count > 0 || instruction.Span.Start != instruction.Keyword.Span.Start) continue;
                Assert.True(child.ArgumentsText == instruction.ArgumentsText, $"{instruction} [{child.ArgumentsText}] [{instruction.ArgumentsText}]");
                Assert.Equal(child.Arguments, instruction.Arguments);
            }
        }
    }

    /// <summary>An instruction with no flags says so without making a token, and still says so once its tokens are made.</summary>
    [Fact]
    public void No_flags_is_empty_before_and_after_tokens()
    {
        var run = DockerfileParser.Parse("RUN echo a\n").Instructions[0];
        Assert.Empty(run.Flags);
        Assert.Equal("RUN", run.Keyword.Text);
        Assert.Empty(run.Flags);
        Assert.Equal(3, run.Tokens.Count);
        Assert.Empty(run.Flags);
    }

    /// <summary>Threads reaching keyword, flags and tokens in different orders all see one set of objects.</summary>
    [Fact]
    public void Concurrent_mixed_first_access_gives_one_set_of_tokens()
    {
        var tree = DockerfileParser.Parse(string.Concat(Enumerable.Repeat("RUN --mount=type=cache,target=/x a b\nCOPY --chown=1 x y\nRUN z\n", 300)));
        var seen = new SyntaxToken[tree.Instructions.Count];
        Parallel.For(0, 6, worker =>
        {
            for (int n = 0; n < tree.Instructions.Count; n++)
            {
                int i = worker % 2 == 0 ? n : tree.Instructions.Count - 1 - n;
                var instruction = tree.Instructions[i];
                SyntaxToken k;
                if (worker % 3 == 0) k = instruction.Tokens[0];
                else if (worker % 3 == 1) k = instruction.Flags.Count > 0 ? instruction.Tokens[0] : instruction.Keyword;
                else k = instruction.Keyword;
                var previous = Interlocked.CompareExchange(ref seen[i], k, null);
                Assert.Same(previous ?? k, k);
                Assert.Same(instruction.Tokens[0], k);
                for (int f = 0; f < instruction.Flags.Count; f++) Assert.Same(instruction.Tokens[1 + f], instruction.Flags[f].Token);
            }
        });
    }

    /// <summary>Heredocs and flags kept at parse stay readable once the keyword, then every token, are made (the node keeps them in one field).</summary>
    [Fact]
    public void Heredocs_and_flags_survive_making_the_tokens()
    {
        const string text = "RUN --network=none <<EOF\necho a\nEOF\nCOPY --chown=1 <<A /x\nhi\nA\nFROM x\n";
        var tree = DockerfileParser.Parse(text);
        static List<string> Described(DockerfileSyntax tree) =>
            tree.Instructions.Select(i => string.Join("|", i.Heredocs.Select(h => h.Content)) + " / " + string.Join("|", i.Flags.Select(f => f.Text))).ToList();
        var before = Described(tree);
        foreach (var i in tree.Instructions) _ = i.Keyword;
        Assert.Equal(before, Described(tree));
        foreach (var i in tree.Instructions) _ = i.Tokens;
        Assert.Equal(before, Described(tree));
        Assert.Equal(["echo a\n / --network=none", "hi\n / --chown=1", " / "], before);
        Assert.Equal(text, tree.ToFullString());
    }

    /// <summary>The last line, counted when asked for, is the line of the span's last character (its final line break aside).</summary>
    [Theory]
    [InlineData("FROM a\nRUN x \\\n  y\n\n# c\nCOPY <<A /d\nbody\nA\nCMD z", new[] { 1, 1, 2, 3, 6, 8, 9, 9 })]
    [InlineData("RUN a\r\nRUN b \\\r\n c\r\n", new[] { 1, 1, 2, 3 })]
    [InlineData("RUN a \\\n", new[] { 1, 1 })]
    [InlineData("RUN a \\\n\nRUN b", new[] { 1, 3 })]
    public void End_line_counted_on_demand(string text, int[] startAndEndLines)
    {
        var tree = DockerfileParser.Parse(text);
        Assert.Equal(startAndEndLines, tree.Instructions.SelectMany(i => new[] { i.StartLine, i.EndLine }));
        var child = DockerfileParser.Parse("ONBUILD RUN a \\\n b\n").Instructions[0];
        Assert.Equal((1, 2), (child.OnbuildInstruction!.StartLine, child.OnbuildInstruction.EndLine));
        Assert.Equal((1, 2), (child.StartLine, child.EndLine));
    }

    /// <summary>A keyword too long for the node to keep its end itself is kept in head slots: its token and arguments text are as usual.</summary>
    [Fact]
    public void Keyword_longer_than_the_node_keeps_is_kept_in_slots()
    {
        string keyword = new('K', InstructionSyntax.MaxKeywordLength + 1);
        var tree = DockerfileParser.Parse(keyword + " x y\n");
        var instruction = Assert.Single(tree.Instructions);
        Assert.Equal(keyword.Length, instruction.Keyword.Text.Length);
        Assert.Equal("x y", instruction.ArgumentsText);
        Assert.Equal(keyword + " x y\n", tree.ToFullString());
    }

    private static void AssertSameToken(SyntaxToken expected, SyntaxToken actual)
    {
        Assert.Equal((expected.Kind, expected.Span, expected.Text, expected.Value), (actual.Kind, actual.Span, actual.Text, actual.Value));
        Assert.Equal(expected.LeadingTrivia, actual.LeadingTrivia);
        Assert.Equal(expected.TrailingTrivia, actual.TrailingTrivia);
    }
}
