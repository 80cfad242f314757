namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>
/// The CLI published once per test run with Native AOT for linux-x64. The native link needs a C toolchain: the
/// ILCompiler uses <c>clang</c> when it is on PATH and falls back to <c>gcc</c> (Debian packages <c>gcc</c> and
/// <c>libc6-dev</c>); its packages come from the machine's NuGet source on first use.
/// </summary>
public sealed class PublishedNativeBinary : IDisposable
{
    private readonly TempFolder folder = new();

    /// <summary>Publishes (the command of docs/install.md, plus an artifacts path that keeps the checkout's bin and obj untouched).</summary>
    public PublishedNativeBinary()
    {
        if (ExternalCommand.FindOnPath("clang") is null && ExternalCommand.FindOnPath("gcc") is null)
        {
            throw new InvalidOperationException("Native AOT needs clang or gcc on PATH: apt-get install gcc libc6-dev");
        }
        PublishFolder = Path.Combine(folder.Path, "native");
        Publish = ExternalCommand.Succeed("dotnet", RepositoryCheckout.Root,
            ["publish", RepositoryCheckout.CliProject, "-r", "linux-x64", "-p:PublishAot=true", "-o", PublishFolder,
             "--artifacts-path", Path.Combine(folder.Path, "artifacts")]);
    }

    /// <summary>The <c>-o</c> folder of the publish.</summary>
    public string PublishFolder { get; }

    /// <summary>The native executable.</summary>
    public string Executable => Path.Combine(PublishFolder, "docker-reorder");

    internal CommandResult Publish { get; }

    /// <inheritdoc/>
    public void Dispose() => folder.Dispose();
}
