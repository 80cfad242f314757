using System.CommandLine;
using System.CommandLine.Invocation;

namespace DockerReorder.Cli.CommandLine;

/// <summary>The <c>--version</c> action: prints <see cref="VersionText.Current"/> (without the commit hash the SDK appends).</summary>
public sealed class PrintVersionAction : SynchronousCommandLineAction
{
    /// <inheritdoc/>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.Write(VersionText.Current + "\n");
        return ExitCodes.Clean;
    }
}
