namespace DockerReorder.Syntax.Tests;

/// <summary>
/// An instruction whose one argument is its arguments text (shell-form RUN, CMD, ENTRYPOINT; WORKDIR, USER, ...) makes it on
/// first read: it must equal what the eager path (an ONBUILD child, built at parse) gives for the same text.
/// </summary>
public class LazyArgumentTests
{
    public static TheoryData<string> Instructions() =>
    [
        "RUN echo a  b",
        "RUN --mount=type=cache,target=/x echo a",
        "RUN -- echo a",
        "RUN echo a \\\n  && echo b",
        "RUN echo a \\\n# inside\n  && echo b \\\n\n  c",
        "RUN echo a\\",
        "RUN <<EOF\necho hi\nEOF",
        "RUN cat <<A <<-B\na\nA\n\tb\n\tB",
        "run   echo \"quoted  words\" 'x'  ",
        "CMD echo hello",
        "ENTRYPOINT exec ./app \\\n  --flag",
        "SHELL /bin/sh -c",
        "WORKDIR /app dir",
        "WORKDIR /a\\\n/b",
        "USER app:group",
        "STOPSIGNAL SIGTERM",
        "MAINTAINER Jane Doe <jane@example.com>",
        "RUN echo é ü \u4e2d",
        "RUN \\\n  echo a",
        "RUN \\\n# c\n\n  echo a \\\n  b  ",
        "RUN --mount=type=cache,target=/x \\\n  echo a",
        "RUN --mount=type=cache,target=/x echo a \\\n  b",
        "RUN --network=none \\\n  --mount=type=tmpfs,target=/t \\\n  echo a",
        "RUN echo a \\  \n  b \t\\\n",
        "RUN echo a \\\n   \\\n  b",
        "CMD echo a \\\n  b\u00a0",
        "RUN x\\\n\\\n\\",
        "RUN \\\n\\\\",
    ];

    /// <summary>The lazily made argument equals the eager one and is the arguments text.</summary>
    [Theory]
    [MemberData(nameof(Instructions))]
    public void Lazy_argument_equals_the_eager_one(string instruction)
    {
        var (lazy, eager) = ParsedBothWays(instruction);
        Assert.Equal(eager.Arguments, lazy.Arguments);
        Assert.Equal(eager.ArgumentsText, lazy.ArgumentsText);
        Assert.Same(lazy.ArgumentsText, Assert.Single(lazy.Arguments));
        Assert.Same(lazy.Arguments, lazy.Arguments);
    }

    // The same instruction made lazily (top level) and eagerly (an ONBUILD child builds its arguments at parse).
    private static (InstructionSyntax Lazy, InstructionSyntax Eager) ParsedBothWays(string instruction) =>
        (DockerfileParser.Parse(instruction + "\n").Instructions[0],
         DockerfileParser.Parse("ONBUILD " + instruction + "\n").Instructions[0].OnbuildInstruction!);

    public static TheoryData<string> AnyInstructions() =>
    [
        "COPY a  b ", "ADD [\"a\", \"b\"]", "FROM x AS y", "EXPOSE 80\t", "ARG x=1 y", "ENV a=b c=\"d e\"", "ENV a b c",
        "LABEL a=b", "HEALTHCHECK --interval=5s CMD x", "HEALTHCHECK CMD curl -f x", "VOLUME /x /y", "RUN", "RUN   ", "RUN\t echo\u00a0x \t",
        "RUN \u2003 x\u2003", "CMD [\"a\", \"b\"]", "RUN [\"a\", 1]", "RUN echo a\r", "FROM--platform=x y", "FOO bar baz", "COPY --from=a b c",
        "RUN -- x", "RUN --\tx", "RUN \\", "RUN echo a \\\\", "ONBUILD RUN echo a", "ONBUILD --x RUN y",
    ];

    public static TheoryData<string> DeferredInstructions() =>
    [
        "FROM x AS y", "FROM --platform=$P x", "FROM", "FROM \\\n  x \\\n  AS y", "EXPOSE 80/tcp  443", "EXPOSE",
        "COPY a b c/", "COPY --from=build --chown=a:b /x /y", "COPY [\"a b\", \"c\"]", "COPY [\"a\", 1]", "COPY [\"a\"", "COPY []",
        "COPY a \\\n  b", "ADD \"a b\" c", "ADD [\"\\u00e9\", \"x\\\"y\"]", "VOLUME [\"/a\", \"/b\"]", "VOLUME /a /b", "VOLUME [1]",
        "CMD [\"a\", \"b c\"]", "CMD []", "CMD [\"a\",]", "ENTRYPOINT [\"/bin/x\", \"-c\"]", "RUN [\"a\", {\"b\": 1}]", "SHELL [\"sh\", \"-c\"]",
        "RUN [\"a\", \n  \"b\"]", "RUN [\"a\", \\\n  \"b\"]",
        "ENV a=b c=\"d e\" f=g\\ h", "ENV a b c", "ENV a", "ENV a=b c", "ENV \"a=b\"", "ENV", "ENV a=b \\\n  c=d", "ENV a \\\n  b",
        "LABEL \"x y\"=z w=\"1\"", "LABEL a", "LABEL a=", "ARG a=1 b \"c=d e\"", "ARG", "ARG a\\ b",
        "HEALTHCHECK NONE", "HEALTHCHECK CMD [\"curl\", \"-f\"]", "HEALTHCHECK --interval=5s CMD curl -f x", "HEALTHCHECK CMD [1]",
        "HEALTHCHECK CMD", "HEALTHCHECK CMD curl \\\n  -f x", "FROM x\u00a0y", "COPY é ü", "ENV é=ü",
    ];

    /// <summary>Arguments the parse left unmade (exec form, FROM, COPY, ENV, ...) are read again on first access and equal the eager ones.</summary>
    [Theory]
    [MemberData(nameof(DeferredInstructions))]
    public void Deferred_arguments_equal_the_eager_ones(string instruction)
    {
        var (lazy, eager) = ParsedBothWays(instruction);
        Assert.Equal(eager.Arguments, lazy.Arguments);
        Assert.Equal(eager.IsJsonForm, lazy.IsJsonForm);
        Assert.Equal(eager.ArgumentsText, lazy.ArgumentsText);
        Assert.Same(lazy.Arguments, lazy.Arguments);
        // Tokens made after the arguments still agree with them.
        Assert.Equal(eager.ArgumentTokens.Select(t => t.Value), lazy.ArgumentTokens.Select(t => t.Value));
    }

    /// <summary>The parse that leaves arguments unmade still reports every diagnostic the eager read reports, with the same message.</summary>
    [Theory]
    [MemberData(nameof(DeferredInstructions))]
    public void Deferred_arguments_keep_the_diagnostics(string instruction)
    {
        var top = DockerfileParser.Parse(instruction + "\n");
        var wrapped = DockerfileParser.Parse("ONBUILD " + instruction + "\n");
        static IEnumerable<string> Messages(DockerfileSyntax tree) =>
            tree.Diagnostics.Select(d => d.Severity + " " + d.Message).Where(m => !m.Contains("ONBUILD", StringComparison.Ordinal));
        Assert.Equal(Messages(wrapped), Messages(top));
    }

    /// <summary>The arguments text read again (one line, no flags: without a parse session) equals the one the eager path keeps.</summary>
    [Theory]
    [MemberData(nameof(AnyInstructions))]
    [MemberData(nameof(Instructions))]
    public void Arguments_text_read_again_equals_the_eager_one(string instruction)
    {
        var (lazy, eager) = ParsedBothWays(instruction);
        Assert.Equal(eager.ArgumentsText, lazy.ArgumentsText);
        Assert.Equal(eager.Arguments, lazy.Arguments);
        var lastLine = DockerfileParser.Parse("FROM a\n" + instruction).Instructions[1];
        Assert.Equal(eager.ArgumentsText, lastLine.ArgumentsText);
    }

    /// <summary>With the backtick escape character the argument is read with the file's escape, as at parse.</summary>
    [Fact]
    public void Lazy_argument_uses_the_file_escape()
    {
        var tree = DockerfileParser.Parse("# escape=`\nRUN dir C:\\x `\n  && echo b\nWORKDIR C:\\app\nCOPY a `\n  C:\\b\\\nENV A=C:\\x\\ B=`\"q`\"\n");
        Assert.Equal(["dir C:\\x   && echo b"], tree.Instructions[0].Arguments);
        Assert.Equal(["C:\\app"], tree.Instructions[1].Arguments);
        Assert.Equal(["a", "C:\\b\\"], tree.Instructions[2].Arguments);
        Assert.Equal(["A", "C:\\x\\", "=", "B", "`\"q`\"", "="], tree.Instructions[3].Arguments); // parseWords keeps escapes
        Assert.Equal(tree.Source.Text, tree.ToFullString());
    }

    /// <summary>Reading arguments first, tokens first or both agrees, and a lossless round trip holds either way.</summary>
    [Fact]
    public void Arguments_and_tokens_agree_in_any_order()
    {
        const string text = "FROM a\nRUN echo a \\\n  b\nCMD run it\n";
        var first = DockerfileParser.Parse(text);
        var second = DockerfileParser.Parse(text);
        foreach (var i in first.Instructions) _ = i.Tokens;
        for (int i = 0; i < first.Instructions.Count; i++)
        {
            Assert.Equal(second.Instructions[i].Arguments, first.Instructions[i].Arguments);
            Assert.Equal(second.Instructions[i].ArgumentTokens.Select(t => t.Value), first.Instructions[i].ArgumentTokens.Select(t => t.Value));
        }
        Assert.Equal(text, first.ToFullString());
    }

    /// <summary>Concurrent first reads of deferred arguments and of the arguments text, in either order, agree on one list and one text.</summary>
    [Fact]
    public void Concurrent_first_reads_of_deferred_arguments_and_text_agree()
    {
        var tree = DockerfileParser.Parse(string.Concat(Enumerable.Repeat(
            "FROM a AS b\nCOPY --chown=1 x \\\n  y\nENV a=1 b=2\nCMD [\"a\", \"b\"]\nRUN a \\\n b\nLABEL c=d\n", 100)));
        var lists = new IReadOnlyList<string>?[tree.Instructions.Count];
        var texts = new string?[tree.Instructions.Count];
        Parallel.For(0, 4, worker =>
        {
            for (int i = 0; i < tree.Instructions.Count; i++)
            {
                var instruction = tree.Instructions[(i * 7 + worker) % tree.Instructions.Count];
                int index = (i * 7 + worker) % tree.Instructions.Count;
                string text;
                IReadOnlyList<string> arguments;
                if (worker % 2 == 0) { text = instruction.ArgumentsText; arguments = instruction.Arguments; }
                else { arguments = instruction.Arguments; text = instruction.ArgumentsText; }
                Assert.Same(Interlocked.CompareExchange(ref lists[index], arguments, null) ?? arguments, arguments);
                Assert.Same(Interlocked.CompareExchange(ref texts[index], text, null) ?? text, text);
            }
        });
        var fresh = DockerfileParser.Parse(tree.Source.Text);
        for (int i = 0; i < tree.Instructions.Count; i++)
        {
            Assert.Equal(fresh.Instructions[i].Arguments, tree.Instructions[i].Arguments);
            Assert.Equal(fresh.Instructions[i].ArgumentsText, tree.Instructions[i].ArgumentsText);
        }
    }

    /// <summary>Concurrent first reads agree on one argument list.</summary>
    [Fact]
    public void Concurrent_first_read_gives_one_list()
    {
        var tree = DockerfileParser.Parse(string.Concat(Enumerable.Repeat("RUN a b \\\n c\nWORKDIR /w\nCMD x\n", 200)));
        var seen = new IReadOnlyList<string>?[tree.Instructions.Count];
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < tree.Instructions.Count; i++)
            {
                var arguments = tree.Instructions[i].Arguments;
                var previous = Interlocked.CompareExchange(ref seen[i], arguments, null);
                Assert.Same(previous ?? arguments, arguments);
                Assert.Same(tree.Instructions[i].ArgumentsText, arguments[0]);
            }
        });
    }
}
