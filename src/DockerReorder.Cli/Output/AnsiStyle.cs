namespace DockerReorder.Cli.Output;

/// <summary>ANSI colouring of diff lines and finding lines; a no-op when colour is off.</summary>
public sealed class AnsiStyle(bool enabled)
{
    private const string Reset = "\u001b[0m";

    /// <summary>True when colours are written.</summary>
    public bool Enabled => enabled;

    /// <summary>Colours a unified diff line by line (headers bold, hunks cyan, removals red, additions green).</summary>
    public string Diff(string diff)
    {
        if (!enabled || diff.Length == 0) return diff;
        var sb = new System.Text.StringBuilder(diff.Length + 256);
        int start = 0;
        while (start < diff.Length)
        {
            int end = diff.IndexOf('\n', start);
            end = end < 0 ? diff.Length : end;
            var line = diff[start..end];
            string? color = line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("+++", StringComparison.Ordinal) ? "\u001b[1m"
                : line.StartsWith("@@", StringComparison.Ordinal) ? "\u001b[36m"
                : line.StartsWith('-') ? "\u001b[31m"
                : line.StartsWith('+') ? "\u001b[32m" : null;
            sb.Append(color is null ? line : color + line + Reset);
            if (end < diff.Length) sb.Append('\n');
            start = end + 1;
        }
        return sb.ToString();
    }

    /// <summary>Bold text.</summary>
    public string Bold(string text) => enabled ? "\u001b[1m" + text + Reset : text;

    /// <summary>Red text (rule ids, errors).</summary>
    public string Red(string text) => enabled ? "\u001b[31m" + text + Reset : text;
}
