namespace DockerReorder.Bench;

/// <summary>The <c>--name value</c> pairs of a sub-command.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Reads <c>--name value</c> pairs; anything else is a usage error.</summary>
    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            options._values[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    /// <summary>The value of a required option.</summary>
    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"missing --{name}");

    /// <summary>The value of an optional number, or <paramref name="fallback"/>.</summary>
    public double Number(string name, double fallback) =>
        _values.TryGetValue(name, out var value)
            ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : fallback;
}
