namespace DockerReorder.Syntax.Tests;

/// <summary>Flags split as BuildKit's extractBuilderFlags does.</summary>
public class FlagTests
{
    /// <summary>Common COPY flags: names lower-cased, values after '=', bare flags without value.</summary>
    [Fact]
    public void Copy_flags_have_names_and_values()
    {
        var copy = DockerfileParser.Parse("COPY --from=build --chown=app:app --chmod=755 --link --parents --exclude=*.md src/ /app/\n").Instructions[0];
        Assert.Equal(["from", "chown", "chmod", "link", "parents", "exclude"], copy.Flags.Select(f => f.Name));
        Assert.Equal(["build", "app:app", "755", null, null, "*.md"], copy.Flags.Select(f => f.Value));
        Assert.Equal("--chown=app:app", copy.Flags[1].Text);
        Assert.Equal(["src/", "/app/"], copy.Arguments);
    }

    /// <summary>RUN flags (mount, network, security, unknown) are flags, not part of the command.</summary>
    [Fact]
    public void Run_flags_are_separate_from_the_command()
    {
        var run = DockerfileParser.Parse("RUN --mount=type=cache,target=/root/.cache --network=none --security=insecure --frob go build\n").Instructions[0];
        Assert.Equal(["mount", "network", "security", "frob"], run.Flags.Select(f => f.Name));
        Assert.Equal("type=cache,target=/root/.cache", run.Flags[0].Value);
        Assert.Equal(["go build"], run.Arguments);
        Assert.Equal("--mount=type=cache,target=/root/.cache", run.Flags[0].Token.Text);
    }

    /// <summary>Quotes in a flag are removed in the value, kept in the token text; '--' ends the flags.</summary>
    [Fact]
    public void Quoted_values_and_double_dash()
    {
        var copy = DockerfileParser.Parse("COPY --chown=\"app user\" -- --weird-file /dst\n").Instructions[0];
        Assert.Equal("--chown=app user", copy.Flags[0].Text);
        Assert.Equal("--chown=\"app user\"", copy.Flags[0].Token.Text);
        Assert.Single(copy.Flags);
        Assert.Equal(["--weird-file", "/dst"], copy.Arguments);
    }

    /// <summary>FROM --platform and AS are parsed as BuildKit does.</summary>
    [Fact]
    public void From_platform_flag()
    {
        var tree = DockerfileParser.Parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n");
        Assert.Equal("(from [\"--platform=$BUILDPLATFORM\"] \"golang:1.22\" \"AS\" \"build\")\n", BuildKitDump.Dump(tree));
    }
}
