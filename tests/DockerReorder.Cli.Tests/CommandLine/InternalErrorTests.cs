using System.Text;
using DockerReorder.Cli.CommandLine;
using DockerReorder.Cli.Output;

namespace DockerReorder.Cli.Tests.CommandLine;

/// <summary>A bug outside any one file's processing still ends the run with one line and exit code 2, never a stack trace.</summary>
public sealed class InternalErrorTests
{
    [Fact]
    public void A_failure_outside_the_files_is_one_line_and_exit_2()
    {
        using var output = new MemoryStream();
        using var error = new MemoryStream();
        int exit;
        using (var channels = new OutputChannels(output, error))
        {
            // Standard input that fails as no real stream does: the run's own code sees an exception it does not expect.
            var command = new DockerReorderCommand(channels, Path.GetTempPath(), () => throw new InvalidOperationException("broken standard input\nsecond line"), false);
            exit = command.Run(["--check", "-"]);
            channels.Error.Flush();
        }
        Assert.Equal(ExitCodes.Error, exit);
        Assert.Equal("docker-reorder: internal error: InvalidOperationException: broken standard input\n", Encoding.UTF8.GetString(error.ToArray()));
    }

    [Fact]
    public void An_input_or_output_failure_is_left_to_the_entry_point_which_prints_it_as_one_line()
    {
        using var output = new MemoryStream();
        using var error = new MemoryStream();
        using var channels = new OutputChannels(output, error);
        var command = new DockerReorderCommand(channels, Path.GetTempPath(), () => throw new IOException("disk full"), false);
        Assert.Throws<IOException>(() => command.Run(["--check", "-"]));
    }
}
