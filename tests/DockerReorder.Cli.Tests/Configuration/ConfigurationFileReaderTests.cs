using System.Text;
using DockerReorder.Cli.Configuration;

namespace DockerReorder.Cli.Tests.Configuration;

/// <summary>Reading .docker-reorder.json, and finding it by walking up.</summary>
public sealed class ConfigurationFileReaderTests
{
    private static ReorderConfiguration Parse(string json) => ConfigurationFileReader.Parse("/x/.docker-reorder.json", Encoding.UTF8.GetBytes(json), ".docker-reorder.json");

    /// <summary>Every key is read; comments and trailing commas are allowed.</summary>
    [Fact]
    public void Reads_every_key()
    {
        var c = Parse("{\n  // team settings\n  \"select\": [\"DR001\", \"DR002\"],\n  \"ignore\": [\"DR003\"],\n  \"unsafe-fixes\": true,\n  \"exclude\": [\"legacy/**\"],\n  \"extra-manifests\": [\"deps.lock\"],\n}\n");
        Assert.Equal(["DR001", "DR002"], c.Select!);
        Assert.Equal(["DR003"], c.Ignore!);
        Assert.True(c.UnsafeFixes);
        Assert.Equal(["legacy/**"], c.Exclude!);
        Assert.Equal(["deps.lock"], c.ExtraManifests!);
    }

    /// <summary>Keys not written stay null (the command line or defaults decide).</summary>
    [Fact]
    public void Missing_keys_are_null() => Assert.Null(Parse("{}").Select);

    /// <summary>Problems name the file, line and column.</summary>
    [Theory]
    [InlineData("{\n  \"selec\": []\n}", ".docker-reorder.json:2:3: unknown key \"selec\"")]
    [InlineData("{\n\"unsafe-fixes\": \"yes\"}", ".docker-reorder.json:2:17: \"unsafe-fixes\" must be true or false")]
    [InlineData("{\"ignore\": [\"E501\"]}", ".docker-reorder.json:1:12: \"ignore\": \"E501\" is not a rule id")]
    [InlineData("{\"exclude\": [1]}", ".docker-reorder.json:1:14: \"exclude\" must be an array of strings")]
    [InlineData("{\n\"select\": [\"DR001\"\n", ".docker-reorder.json:3:1: invalid JSON")]
    [InlineData("[]", ".docker-reorder.json:1:1: expected a JSON object")]
    public void Errors_are_one_line_with_position(string json, string expectedStart)
    {
        var e = Assert.Throws<ConfigurationException>(() => Parse(json));
        Assert.StartsWith(expectedStart, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>The nearest file up the folder tree applies.</summary>
    [Fact]
    public void Locator_walks_up_to_the_nearest_file()
    {
        using var t = new TempFolder();
        t.Write(".docker-reorder.json", "{\"ignore\": [\"DR001\"]}");
        t.Write("svc/deep/.keep", "");
        t.Write("other/.docker-reorder.json", "{\"ignore\": [\"DR002\"]}");
        var locator = new ConfigurationLocator(p => p);
        Assert.Equal(["DR001"], locator.For(Path.Combine(t.Path, "svc/deep"))!.Ignore!);
        Assert.Equal(["DR002"], locator.For(Path.Combine(t.Path, "other"))!.Ignore!);
    }

    /// <summary>Rule id options accept repeats and commas, upper-case, and reject non-ids.</summary>
    [Fact]
    public void Rule_id_lists_split_and_validate()
    {
        Assert.Equal(["DR001", "DR002", "DR003"], RuleIdList.Split(["dr001,DR002", "DR003", "DR001"], out var invalid));
        Assert.Null(invalid);
        RuleIdList.Split(["DR001,E501"], out invalid);
        Assert.Equal("E501", invalid);
    }
}
