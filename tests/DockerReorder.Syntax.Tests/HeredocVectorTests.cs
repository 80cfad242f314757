using System.Text.Json;
using DockerReorder.Syntax.Parsing;
using DockerReorder.Syntax.Tests.Support;

namespace DockerReorder.Syntax.Tests;

/// <summary>heredoc.json: BuildKit's heredoc tests (parse, ParseHeredoc, heredocsFromLine, ChompHeredocContent).</summary>
public class HeredocVectorTests
{
    private const string File = "heredoc.json";

    /// <summary>Theory rows.</summary>
    public static TheoryData<string> Cases => BuildKitVectors.Names(File);

    /// <summary>Heredoc vector agrees with buildkit.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Heredoc_vector_agrees_with_buildkit(string name)
    {
        KnownDifference.Verify(name, () =>
        {
            var c = BuildKitVectors.Case(File, name);
            var expect = c.GetProperty("expect");
            switch (c.GetProperty("kind").GetString())
            {
                case "parse":
                    {
                        var tree = DockerfileParser.Parse(c.GetProperty("dockerfile").GetString()!);
                        Assert.Null(BuildKitDump.FirstError(tree));
                        int i = 0;
                        foreach (var instruction in c.GetProperty("instructions").EnumerateArray())
                        {
                            if (!(instruction.TryGetProperty("asserted", out var asserted) && asserted.ValueKind == JsonValueKind.False))
                            {
                                var expected = instruction.GetProperty("heredocs").EnumerateArray()
                                    .Select(h => (h.GetProperty("name").GetString(), h.GetProperty("content").GetString(),
                                        h.GetProperty("expand").GetBoolean(), h.GetProperty("chomp").GetBoolean(), h.GetProperty("fileDescriptor").GetInt32()))
                                    .ToList();
                                var actual = tree.Instructions[i].Heredocs
                                    .Select(h => ((string?)h.Name, (string?)h.Content, h.Expand, h.Chomp, h.FileDescriptor)).ToList();
                                Assert.Equal(expected, actual);
                            }
                            i++;
                        }
                        break;
                    }
                case "chompHeredocContent":
                    Assert.Equal(expect.GetProperty("output").GetString(), HeredocWords.Chomp(c.GetProperty("input").GetString()!));
                    break;
                case "parseHeredoc":
                    {
                        bool ok = HeredocWords.TryParse(c.GetProperty("input").GetString()!, out var heredoc, out _);
                        if (expect.GetProperty("error").GetBoolean()) { Assert.False(ok); break; }
                        Assert.True(ok);
                        if (expect.TryGetProperty("heredocName", out var n)) Assert.Equal(n.GetString(), heredoc?.Name);
                        else Assert.Null(heredoc);
                        break;
                    }
                case "heredocsFromLine":
                    {
                        var found = new List<HeredocHeader>();
                        Assert.True(HeredocWords.TryFromLine(c.GetProperty("input").GetString()!, found, out _));
                        var names = expect.GetProperty("heredocNames").EnumerateArray().Select(e => e.GetString()).ToList();
                        Assert.True(found.Count <= names.Count, $"returned {found.Count} heredocs, expected at most {names.Count}");
                        for (int k = 0; k < found.Count; k++) Assert.Equal(names[k], found[k].Name);
                        break;
                    }
                default:
                    Assert.Fail("unknown vector kind");
                    break;
            }
        });
    }
}
