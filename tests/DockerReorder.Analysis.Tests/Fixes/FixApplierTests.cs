using DockerReorder.Analysis.Fixes;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Tests.Fixes;

public sealed class FixApplierTests
{
    private static Fix FixOf(params TextEdit[] edits) => new() { Description = "t", Applicability = FixApplicability.Safe, Edits = edits };

    [Fact]
    public void Moves_a_line_with_a_delete_and_an_insert()
    {
        const string text = "A\nB\nC\n";
        var fix = FixOf(new TextEdit(new TextSpan(0, 2), ""), new TextEdit(new TextSpan(4, 0), "A\n"));
        var (result, applied) = FixApplier.Apply(text, [fix]);
        Assert.Equal("B\nA\nC\n", result);
        Assert.Single(applied);
    }

    [Fact]
    public void Without_edits_the_text_itself_comes_back()
    {
        // No copy: on a big file a copy was a tenth of the peak memory of a check.
        var text = string.Concat(Enumerable.Repeat("RUN a\n", 100));
        var fileOnly = new Fix { Description = "t", Applicability = FixApplicability.Safe, FileWrites = [new FileWrite(".dockerignore", null, ".git\n")] };
        Assert.Same(text, FixApplier.Apply(text, []).Text);
        var (result, applied) = FixApplier.Apply(text, [fileOnly]);
        Assert.Same(text, result);
        Assert.Equal([fileOnly], applied);
    }

    [Fact]
    public void An_insertion_at_the_start_of_a_deletion_comes_first()
    {
        const string text = "A\nB\n";
        var fix = FixOf(new TextEdit(new TextSpan(2, 2), ""), new TextEdit(new TextSpan(2, 0), "M\n"));
        Assert.Equal("A\nM\n", FixApplier.Apply(text, [fix]).Text);
    }

    [Fact]
    public void Skips_a_fix_that_overlaps_an_accepted_one()
    {
        const string text = "A\nB\nC\n";
        var first = FixOf(new TextEdit(new TextSpan(0, 4), "X\n"));
        var second = FixOf(new TextEdit(new TextSpan(2, 2), "Y\n"));
        var (result, applied) = FixApplier.Apply(text, [first, second]);
        Assert.Equal("X\nC\n", result);
        Assert.Same(first, Assert.Single(applied));
    }

    [Fact]
    public void The_same_fix_reported_by_two_rules_applies_once()
    {
        const string text = "A\nB\n";
        var fix = FixOf(new TextEdit(new TextSpan(0, 2), ""), new TextEdit(new TextSpan(4, 0), "A\n"));
        var (result, applied) = FixApplier.Apply(text, [fix, fix]);
        Assert.Equal("B\nA\n", result);
        Assert.Single(applied);
    }

    [Fact]
    public void Insertions_at_one_point_keep_the_order_of_their_fixes()
    {
        const string text = "A\n";
        var one = FixOf(new TextEdit(new TextSpan(2, 0), "1\n"));
        var two = FixOf(new TextEdit(new TextSpan(2, 0), "2\n"));
        Assert.Equal("A\n1\n2\n", FixApplier.Apply(text, [one, two]).Text);
    }

    [Fact]
    public void Gives_what_comparing_every_pair_of_fixes_gives()
    {
        // The applier looks only at nearby accepted edits; this is the pairwise check it replaced.
        var random = new Random(7);
        string text = new('x', 200);
        for (int round = 0; round < 300; round++)
        {
            var fixes = new List<Fix>();
            for (int f = random.Next(1, 12); f > 0; f--)
            {
                if (fixes.Count > 0 && random.Next(6) == 0) { fixes.Add(random.Next(2) == 0 ? fixes[^1] : fixes[^1] with { Description = "copy" }); continue; }
                var edits = new List<TextEdit>();
                for (int e = random.Next(0, 4); e > 0; e--)
                {
                    int start = random.Next(0, 200);
                    int length = random.Next(3) == 0 ? 0 : random.Next(0, Math.Min(random.Next(2) == 0 ? 5 : 60, 200 - start) + 1);
                    var edit = new TextEdit(new TextSpan(start, length), $"<{round}.{f}.{e}>");
                    if (!edits.Any(x => Overlap(x, edit))) edits.Add(edit); // a fix's own edits never overlap

                }
                fixes.Add(FixOf([.. edits]));
            }
            var (result, applied) = FixApplier.Apply(text, fixes);
            var expected = PairwiseAccepted(fixes);
            Assert.Equal(expected.Count, applied.Count);
            for (int k = 0; k < expected.Count; k++) Assert.Same(expected[k], applied[k]);
            Assert.Equal(Spliced(text, expected), result);
        }
    }

    // The edits spliced in one by one, in the applier's documented order.
    private static string Spliced(string text, List<Fix> accepted)
    {
        var ordered = accepted.SelectMany((fix, f) => fix.Edits.Select((edit, e) => (edit, f, e)))
            .OrderBy(x => x.edit.Span.Start).ThenBy(x => x.edit.Span.Length == 0 ? 0 : 1).ThenBy(x => x.f).ThenBy(x => x.e);
        var sb = new System.Text.StringBuilder();
        int position = 0;
        foreach (var (edit, _, _) in ordered)
        {
            sb.Append(text, position, edit.Span.Start - position).Append(edit.NewText);
            position = edit.Span.End;
        }
        return sb.Append(text, position, text.Length - position).ToString();
    }

    private static List<Fix> PairwiseAccepted(IEnumerable<Fix> fixes)
    {
        var accepted = new List<Fix>();
        var edits = new List<TextEdit>();
        foreach (var fix in fixes)
        {
            if (accepted.Any(a => ReferenceEquals(a, fix) || (a.Edits.SequenceEqual(fix.Edits) && a.FileWrites.SequenceEqual(fix.FileWrites)))) continue;
            if (fix.Edits.Any(e => edits.Any(x => Overlap(x, e)))) continue;
            accepted.Add(fix);
            edits.AddRange(fix.Edits);
        }
        return accepted;
    }

    private static bool Overlap(TextEdit a, TextEdit b)
    {
        if (a.Span.Length == 0 && b.Span.Length == 0) return false;
        if (a.Span.Length == 0) return a.Span.Start > b.Span.Start && a.Span.Start < b.Span.End;
        if (b.Span.Length == 0) return b.Span.Start > a.Span.Start && b.Span.Start < a.Span.End;
        return a.Span.Start < b.Span.End && b.Span.Start < a.Span.End;
    }
}
