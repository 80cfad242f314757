namespace DockerReorder.Cli.Configuration;

/// <summary>Parses rule id lists as the options and the configuration file write them (<c>DR001,DR002</c>).</summary>
public static class RuleIdList
{
    /// <summary>True for <c>DR</c> followed by three digits.</summary>
    public static bool IsRuleId(string id) =>
        id.Length == 5 && id.StartsWith("DR", StringComparison.Ordinal) && char.IsAsciiDigit(id[2]) && char.IsAsciiDigit(id[3]) && char.IsAsciiDigit(id[4]);

    /// <summary>Splits repeated and comma-separated values, trims them and upper-cases them; returns the first invalid one in <paramref name="invalid"/>.</summary>
    public static List<string> Split(IEnumerable<string> values, out string? invalid)
    {
        invalid = null;
        var ids = new List<string>();
        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var id = part.ToUpperInvariant();
                if (!IsRuleId(id)) { invalid ??= part; continue; }
                if (!ids.Contains(id, StringComparer.Ordinal)) ids.Add(id);
            }
        }
        return ids;
    }
}
