using System.Reflection;

namespace DockerReorder.Cli.CommandLine;

/// <summary>The tool's version as <c>--version</c> prints it (the informational version without source-control metadata).</summary>
public static class VersionText
{
    /// <summary>For example <c>0.1.0</c>.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(VersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }
}
