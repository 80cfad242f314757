using DockerReorder.Cli.CommandLine;

namespace DockerReorder.Cli.Output;

/// <summary>Decides whether to colour: <c>always</c>, <c>never</c>, or (auto) only when standard output is a terminal and <c>NO_COLOR</c> is unset or empty.</summary>
public static class ColorDecision
{
    /// <summary>True when the output should carry ANSI colours.</summary>
    public static bool UseColor(ColorMode mode, bool outputIsTerminal, string? noColorVariable) => mode switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ => outputIsTerminal && string.IsNullOrEmpty(noColorVariable),
    };
}
