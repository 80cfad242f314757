using System.Text.Json;

namespace DockerReorder.Syntax.Tests.Support;

/// <summary>Checks for the vectors whose function is BuildKit's <c>Parse</c>.</summary>
public static class ParseCaseAssertions
{
    /// <summary>Asserts what a <c>"function": "Parse"</c> case expects.</summary>
    public static void Verify(JsonElement c)
    {
        var input = c.TryGetProperty("dockerfile", out var d) ? d : c.GetProperty("input");
        var tree = DockerfileParser.Parse(input.GetString()!);
        var expect = c.GetProperty("expect");
        var error = BuildKitDump.FirstError(tree);
        var expectedError = expect.GetProperty("error");
        if (expectedError.ValueKind == JsonValueKind.True) { Assert.NotNull(error); return; }
        if (expectedError.ValueKind == JsonValueKind.String)
        {
            Assert.NotNull(error);
            Assert.Equal(expectedError.GetString(), error.Message);
            return;
        }
        Assert.Null(error);
        if (expect.TryGetProperty("astDump", out var dump)) Assert.Equal(dump.GetString() + "\n", BuildKitDump.Dump(tree));
        if (expect.TryGetProperty("warningCount", out var count))
        {
            // BuildKit's Result.Warnings holds only the empty-continuation warnings; our diagnostics also report unknown instructions.
            var warnings = tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Message.StartsWith("Empty continuation", StringComparison.Ordinal)).ToList();
            Assert.Equal(count.GetInt32(), warnings.Count);
            int i = 0;
            foreach (var w in expect.GetProperty("warnings").EnumerateArray())
            {
                foreach (var s in w.GetProperty("shortContains").EnumerateArray()) Assert.Contains(s.GetString()!, warnings[i].Message);
                if (w.TryGetProperty("detail0Contains", out var detail)) Assert.Contains(detail.GetString()!, warnings[i].Message);
                i++;
            }
        }
        if (expect.TryGetProperty("childCount", out var childCount))
        {
            Assert.Equal(childCount.GetInt32(), tree.Instructions.Count);
            Assert.Equal(expect.GetProperty("astStartLine").GetInt32(), tree.Instructions[0].StartLine);
            Assert.Equal(expect.GetProperty("astEndLine").GetInt32(), tree.Instructions[^1].EndLine);
            var lines = expect.GetProperty("childLines").EnumerateArray().Select(l => (l[0].GetInt32(), l[1].GetInt32())).ToList();
            Assert.Equal(lines, tree.Instructions.Select(i => (i.StartLine, i.EndLine)).ToList());
        }
    }
}
