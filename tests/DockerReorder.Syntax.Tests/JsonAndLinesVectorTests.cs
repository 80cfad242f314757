using DockerReorder.Syntax.Parsing;
using DockerReorder.Syntax.Tests.Support;

namespace DockerReorder.Syntax.Tests;

/// <summary>json-and-lines.json: exec-form JSON, ENV/LABEL name-value parsing, word splitting and line-parser test files.</summary>
public class JsonAndLinesVectorTests
{
    private const string File = "json-and-lines.json";

    /// <summary>Theory rows.</summary>
    public static TheoryData<string> Cases => BuildKitVectors.Names(File);

    /// <summary>Line parser vector agrees with buildkit.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Line_parser_vector_agrees_with_buildkit(string name)
    {
        KnownDifference.Verify(name, () =>
        {
            var c = BuildKitVectors.Case(File, name);
            var expect = c.GetProperty("expect");
            switch (c.GetProperty("function").GetString())
            {
                case "parseJSON":
                    {
                        string input = c.GetProperty("input").GetString()!;
                        var elements = new List<ArgumentPiece>();
                        var status = JsonArrayReader.Read(input, 0, input.Length, elements, out _, out _);
                        if (expect.TryGetProperty("values", out var values))
                        {
                            Assert.Equal(JsonArrayStatus.Strings, status);
                            Assert.Equal(values.EnumerateArray().Select(v => v.GetString()!).ToList(), elements.Select(e => e.Value).ToList());
                            // Through the parser: exec form with the same values.
                            var tree = DockerfileParser.Parse("CMD " + input);
                            Assert.True(tree.Instructions[0].IsJsonForm);
                            Assert.Equal(elements.Select(e => e.Value), tree.Instructions[0].Arguments);
                        }
                        else
                        {
                            Assert.Equal(JsonArrayStatus.NotStringArray, status);
                            Assert.Equal(expect.GetProperty("errorMessage").GetString(), BuildKitDump.FirstError(DockerfileParser.Parse("CMD " + input))?.Message);
                        }
                        break;
                    }
                case "parseNameVal":
                    {
                        string key = c.GetProperty("args").GetProperty("key").GetString()!;
                        var tree = DockerfileParser.Parse("FROM scratch\n" + key + " " + c.GetProperty("input").GetString());
                        if (expect.GetProperty("error").GetBoolean()) { Assert.NotNull(BuildKitDump.FirstError(tree)); break; }
                        Assert.Null(BuildKitDump.FirstError(tree));
                        Assert.Equal(expect.GetProperty("nodeValues").EnumerateArray().Select(v => v.GetString()!), tree.Instructions[1].Arguments);
                        break;
                    }
                case "parseWords":
                    {
                        string input = c.GetProperty("input").GetString()!;
                        char escape = c.GetProperty("args").GetProperty("escapeToken").GetString()![0];
                        var words = new List<ArgumentPiece>();
                        WordSplitter.ParseWords(input, 0, input.Length, escape, words);
                        Assert.Equal(expect.GetProperty("words").EnumerateArray().Select(v => v.GetString()!), words.Select(w => w.Value));
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
