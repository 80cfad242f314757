using DockerReorder.Analysis.Shell;


namespace DockerReorder.Analysis.Tests.Shell;

/// <summary>The shell reader: words, quotes, variables, operators, compound commands, heredocs; never throws.</summary>
public sealed class ShellParserTests
{
    private static readonly Dictionary<string, string> Environment = new() { ["APP"] = "/srv/app", ["EMPTY"] = string.Empty };

    private static string[] Words(ShellList list, int index = 0) =>
        [.. ((SimpleCommand)list.Items[index].Command).Words.Select(word => word.Value)];

    [Fact]
    public void Quotes_are_removed_and_escapes_applied()
    {
        var list = ShellParser.Parse("""echo 'single $APP' "double $APP" back\ slash "esc\"aped" mixed'a'"b"c""", Environment);

        Assert.Equal(["echo", "single $APP", "double /srv/app", "back slash", "esc\"aped", "mixedabc"], Words(list));
    }

    [Fact]
    public void Known_variables_are_substituted_and_unknown_ones_stay_as_written()
    {
        var list = ShellParser.Parse("cd ${APP}/x $HOME ${EMPTY:-fallback} ${APP:+set} ${UNKNOWN:-x}", Environment);
        var words = ((SimpleCommand)list.Items[0].Command).Words;

        Assert.Equal(["cd", "/srv/app/x", "$HOME", "fallback", "set", "${UNKNOWN:-x}"], words.Select(word => word.Value));
        Assert.Equal([true, true, false, true, true, false], words.Select(word => word.IsResolved));
    }

    [Fact]
    public void Assignments_before_a_command_and_alone_are_told_apart()
    {
        var list = ShellParser.Parse("FOO=1 BAR=\"a b\" make all; X=2; echo $X", Environment);
        var first = (SimpleCommand)list.Items[0].Command;

        Assert.Equal([new ShellAssignment("FOO", new ShellWord("1")), new ShellAssignment("BAR", new ShellWord("a b"))], first.Assignments);
        Assert.Equal(["make", "all"], Words(list));
        Assert.Empty(((SimpleCommand)list.Items[1].Command).Words);
        Assert.Equal(["echo", "2"], Words(list, 2));
    }

    [Fact]
    public void Operators_between_commands_are_kept()
    {
        var list = ShellParser.Parse("a && b || c; d | e & f\ng", Environment);

        Assert.Equal(
            [ShellOperator.And, ShellOperator.Or, ShellOperator.Sequence, ShellOperator.Pipe, ShellOperator.Background, ShellOperator.Sequence, ShellOperator.End],
            list.Items.Select(item => item.Operator));
    }

    [Fact]
    public void A_chain_joined_from_continuation_lines_reads_as_one_list()
    {
        var list = ShellParser.Parse("set -ex;   apt-get update \\\n  && apt-get install -y curl    && rm -rf /var/lib/apt/lists/*", Environment);

        Assert.Equal(4, list.Items.Count);
        Assert.Equal(["set", "-ex"], Words(list));
        Assert.Equal(["apt-get", "install", "-y", "curl"], Words(list, 2));
    }

    [Fact]
    public void Redirections_are_separated_from_words()
    {
        var command = (SimpleCommand)ShellParser.Parse("make > /dev/null 2>&1 <input.txt", Environment).Items[0].Command;

        Assert.Equal(["make"], command.Words.Select(word => word.Value));
        Assert.Equal([">", ">&", "<"], command.Redirections.Select(redirection => redirection.Operator));
        Assert.Equal([null, 2, null], command.Redirections.Select(redirection => redirection.FileDescriptor));
        Assert.Equal(["/dev/null", "1", "input.txt"], command.Redirections.Select(redirection => redirection.Target.Value));
    }

    [Fact]
    public void Compound_commands_are_read_into_their_parts()
    {
        var list = ShellParser.Parse("if [ -f x ]; then echo a; elif true; then :; else echo b; fi; for p in a b; do echo $p; done; (cd /x && ls); { echo c; }", Environment);

        var kinds = list.Items.Select(item => ((CompoundCommand)item.Command).Keyword);
        Assert.Equal(["if", "for", "(", "{"], kinds);
        Assert.Equal(5, ((CompoundCommand)list.Items[0].Command).Parts.Count);
        var loop = (CompoundCommand)list.Items[1].Command;
        Assert.Equal("p", loop.LoopVariable);
        Assert.False(((SimpleCommand)loop.Parts[0].Items[0].Command).Words[1].IsResolved);
    }

    [Fact]
    public void Case_and_functions_are_opaque()
    {
        Assert.IsType<OpaqueCommand>(ShellParser.Parse("case $x in a) echo a;; *) echo b;; esac").Items[0].Command);
        Assert.IsType<OpaqueCommand>(ShellParser.Parse("f() { echo a; }").Items[0].Command);
    }

    [Fact]
    public void Command_substitutions_are_parsed_and_leave_the_word_unresolved()
    {
        var command = (SimpleCommand)ShellParser.Parse("make -j$(nproc) `uname -m`").Items[0].Command;

        Assert.Equal(2, command.Substitutions.Count);
        Assert.Equal("nproc", ((SimpleCommand)command.Substitutions[0].Items[0].Command).Text);
        Assert.Equal("uname -m", ((SimpleCommand)command.Substitutions[1].Items[0].Command).Text);
        Assert.False(command.Words[1].IsResolved);
    }

    [Fact]
    public void Heredoc_bodies_come_from_the_dockerfile_or_from_the_script()
    {
        var given = (SimpleCommand)ShellParser.Parse("cat <<EOF > /etc/x", Environment, ["line\n"]).Items[0].Command;
        var inline = ShellParser.Parse("cat <<-'END' >/etc/y\n\tbody $X\n\tEND\necho done");

        Assert.Equal("line\n", given.Redirections[0].HeredocBody);
        Assert.Equal("body $X\n", ((SimpleCommand)inline.Items[0].Command).Redirections[0].HeredocBody);
        Assert.Equal(["echo", "done"], Words(inline, 1));
    }

    [Fact]
    public void Comments_are_skipped()
    {
        var list = ShellParser.Parse("# first\necho a # trailing\necho b#not-a-comment");

        Assert.Equal(["echo", "a"], Words(list));
        Assert.Equal(["echo", "b#not-a-comment"], Words(list, 1));
    }

    [Theory]
    [InlineData("echo 'unterminated")]
    [InlineData("echo \"unterminated")]
    [InlineData("echo $(unterminated")]
    [InlineData("if true; then echo")]
    [InlineData("for x in a b; do echo")]
    [InlineData("))) ;; fi esac }")]
    [InlineData("echo ${")]
    [InlineData("echo `")]
    [InlineData("a &&")]
    [InlineData("cat <<")]
    public void Malformed_scripts_become_opaque_instead_of_throwing(string script)
    {
        var list = ShellParser.Parse(script);

        Assert.Contains(list.Descendants(), command => command is OpaqueCommand);
    }

    [Fact]
    public void Deep_nesting_and_random_text_never_throw()
    {
        var deep = string.Concat(Enumerable.Repeat("$(", 500)) + "x" + string.Concat(Enumerable.Repeat(")", 500));
        var parens = string.Concat(Enumerable.Repeat("(", 5000));
        Assert.Contains(ShellParser.Parse(deep).Descendants(), command => command is OpaqueCommand);
        Assert.Contains(ShellParser.Parse(parens).Descendants(), command => command is OpaqueCommand);

        var random = new Random(1234);
        const string alphabet = "ab $(){}[];&|<>'\"\\`#=\n\t-~!*?0123456789";
        for (var i = 0; i < 3000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            _ = ShellParser.Parse(text, Environment);
        }
    }
}
