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
}
