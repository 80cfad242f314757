using DockerReorder.Cli.CommandLine;
using DockerReorder.Cli.Output;

namespace DockerReorder.Cli;

/// <summary>Entry point of the <c>docker-reorder</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code (0, 1 or 2).</summary>
    public static int Main(string[] args)
    {
        using var channels = OutputChannels.ForConsole();
        var command = new DockerReorderCommand(channels, Environment.CurrentDirectory, Console.OpenStandardInput, !Console.IsOutputRedirected);
        return command.Run(args);
    }
}
