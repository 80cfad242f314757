using DockerReorder.Analysis.Model;

namespace DockerReorder.Analysis.Tests.Model;

public sealed class DockerfileWordTests
{
    private static readonly Dictionary<string, string?> Vars = new(StringComparer.Ordinal)
    {
        ["APP_HOME"] = "/app",
        ["EMPTY"] = "",
        ["FROM_ARG"] = null,
    };

    [Theory]
    [InlineData("$APP_HOME/", "/app/")]
    [InlineData("${APP_HOME}/src", "/app/src")]
    [InlineData("\"$APP_HOME\"", "/app")]
    [InlineData("'$APP_HOME'", "$APP_HOME")]
    [InlineData("\\$APP_HOME", "$APP_HOME")]
    [InlineData("${EMPTY:-/fallback}", "/fallback")]
    [InlineData("${EMPTY-/fallback}", "")]
    [InlineData("${APP_HOME:+set}", "set")]
    [InlineData("plain", "plain")]
    public void Substitutes_known_variables(string raw, string expected)
    {
        var word = DockerfileWord.Process(raw, Vars);
        Assert.Equal(expected, word.Value);
    }

    [Theory]
    [InlineData("$FROM_ARG/x")]
    [InlineData("$HOME/app")] // not declared in the file: the base image may set it
    [InlineData("${NOT_DECLARED:-/x}")]
    public void Unknown_when_a_variable_has_no_static_value(string raw)
    {
        var word = DockerfileWord.Process(raw, Vars);
        Assert.Null(word.Value);
        Assert.NotEmpty(word.Variables);
    }

    [Fact]
    public void Lists_every_variable_it_references()
    {
        var word = DockerfileWord.Process("${APP_HOME}/$EMPTY/x", Vars);
        Assert.Equal(["APP_HOME", "EMPTY"], word.Variables);
    }
}
