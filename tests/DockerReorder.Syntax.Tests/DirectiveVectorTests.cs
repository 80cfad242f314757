using DockerReorder.Syntax.Parsing;
using DockerReorder.Syntax.Tests.Support;

namespace DockerReorder.Syntax.Tests;

/// <summary>directives.json: parser directives, syntax detection, continuations, comments, warnings and errors.</summary>
public class DirectiveVectorTests
{
    private const string File = "directives.json";

    /// <summary>Theory rows.</summary>
    public static TheoryData<string> Cases => BuildKitVectors.Names(File);

    /// <summary>Directive vector agrees with buildkit.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Directive_vector_agrees_with_buildkit(string name)
    {
        KnownDifference.Verify(name, () =>
        {
            var c = BuildKitVectors.Case(File, name);
            var expect = c.GetProperty("expect");
            string text = c.GetProperty("dockerfile").GetString()!;
            switch (c.GetProperty("function").GetString())
            {
                case "DirectiveParser.ParseAll":
                    {
                        var found = DirectiveDetection.ParseAll(text, "#", 0, out var error);
                        Assert.Null(error);
                        Assert.Equal(expect.GetProperty("directiveCount").GetInt32(), found.Count);
                        var expected = expect.GetProperty("directives").EnumerateArray().Select(d => (d.GetProperty("name").GetString(), d.GetProperty("value").GetString())).ToList();
                        Assert.Equal(expected, found.Select(d => ((string?)d.Name, (string?)d.Value)).ToList());
                        // The tree reports the same directives.
                        Assert.Equal(expected, DockerfileParser.Parse(text).Directives.Select(d => ((string?)d.Name, (string?)d.Value)).ToList());
                        break;
                    }
                case "DetectSyntax":
                case "ParseDirective":
                    {
                        bool any = c.GetProperty("function").GetString() == "DetectSyntax";
                        string key = any ? "syntax" : c.GetProperty("args").GetProperty("key").GetString()!;
                        var found = DirectiveDetection.Detect(text, key, any);
                        Assert.Equal(expect.GetProperty("ok").GetBoolean(), found is not null);
                        if (expect.TryGetProperty("ref", out var r)) Assert.Equal(r.GetString(), found?.Reference ?? "");
                        if (expect.TryGetProperty("cmdline", out var cmd)) Assert.Equal(cmd.GetString(), found?.CommandLine ?? "");
                        if (expect.TryGetProperty("locationStartLine", out var line)) Assert.Equal(line.GetInt32(), found?.Line);
                        break;
                    }
                case "Parse":
                    ParseCaseAssertions.Verify(c);
                    break;
                default:
                    Assert.Fail("unknown function");
                    break;
            }
        });
    }
}
