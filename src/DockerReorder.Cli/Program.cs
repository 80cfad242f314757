using DockerReorder.Cli.CommandLine;
using DockerReorder.Cli.Output;

namespace DockerReorder.Cli;

/// <summary>Entry point of the <c>docker-reorder</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code (0, 1 or 2).</summary>
    public static int Main(string[] args)
    {
        try
        {
            using var channels = OutputChannels.ForConsole();
            var command = new DockerReorderCommand(channels, Environment.CurrentDirectory, Console.OpenStandardInput, !Console.IsOutputRedirected);
            return command.Run(args);
        }
        catch (IOException e)
        {
            // Output that cannot be written (a full disk, a closed descriptor) is one line and exit 2, not a crash.
            try
            {
                using var error = new StreamWriter(StandardStream.Error(), leaveOpen: false);
                error.Write($"docker-reorder: {e.Message}\n");
            }
            catch (IOException)
            {
                // Standard error failed too: the exit code is all that is left to say it.
            }
            return ExitCodes.Error;
        }
    }
}
