namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>
/// A temporary PRE_COMMIT_HOME shared by the pre-commit tests, so the hook environment (pre-commit packs this
/// checkout's HEAD and installs the tool) is built once per test run; and the way to run pre-commit offline in a
/// temporary git repository whose .pre-commit-config.yaml points at this checkout.
/// </summary>
public sealed class PreCommitHome : IDisposable
{
    private readonly TempFolder home = new();

    private readonly Lazy<string> revision = new(FindRevision);

    /// <summary>The commit of this checkout that the hooks are installed from: its HEAD, which must contain .pre-commit-hooks.yaml.</summary>
    public string Revision => revision.Value;

    // Looked up on first use, not in the constructor: xunit builds the fixture even when every test is skipped.
    private static string FindRevision()
    {
        var head = ExternalCommand.Run("git", RepositoryCheckout.Root, ["rev-parse", "HEAD"]);
        if (head.ExitCode != 0) throw new InvalidOperationException("the pre-commit test needs the checkout to be a git repository:\n" + head);
        var hookFile = ExternalCommand.Run("git", RepositoryCheckout.Root, ["cat-file", "-e", "HEAD:.pre-commit-hooks.yaml"]);
        if (hookFile.ExitCode != 0) throw new InvalidOperationException("HEAD has no .pre-commit-hooks.yaml: commit it first (pre-commit installs hooks from a commit, not the work tree)");
        return head.Stdout.Trim();
    }

    /// <summary>Writes a .pre-commit-config.yaml using <paramref name="hookId"/> from this checkout into <paramref name="repository"/>, then <c>git init</c> and stages everything.</summary>
    internal void InitializeRepository(TempFolder repository, string hookId)
    {
        repository.Write(".pre-commit-config.yaml", $"""
            repos:
              - repo: {RepositoryCheckout.Root}
                rev: {Revision}
                hooks:
                  - id: {hookId}

            """);
        ExternalCommand.Succeed("git", repository.Path, ["init", "-q"]);
        ExternalCommand.Succeed("git", repository.Path, ["config", "user.name", "docker-reorder tests"]);
        ExternalCommand.Succeed("git", repository.Path, ["config", "user.email", "tests@docker-reorder.invalid"]);
        ExternalCommand.Succeed("git", repository.Path, ["add", "-A"]);
    }

    /// <summary>Runs <c>pre-commit run --all-files</c> in <paramref name="repository"/> with every proxy pointing at a closed port, so any download fails.</summary>
    internal CommandResult RunAllFiles(TempFolder repository, params string[] extra)
    {
        if (ExternalCommand.FindOnPath("pre-commit") is null)
        {
            throw new InvalidOperationException("pre-commit is not on PATH (CI=true requires it): apt-get install pre-commit");
        }
        const string Closed = "http://127.0.0.1:9";
        var environment = new Dictionary<string, string?>
        {
            ["PRE_COMMIT_HOME"] = home.Path,
            ["PRE_COMMIT_COLOR"] = "never",
            ["HTTP_PROXY"] = Closed,
            ["HTTPS_PROXY"] = Closed,
            ["http_proxy"] = Closed,
            ["https_proxy"] = Closed,
            ["NO_PROXY"] = null,
            ["no_proxy"] = null,
        };
        return ExternalCommand.Run("pre-commit", repository.Path, ["run", "--all-files", "--color", "never", .. extra], environment);
    }

    /// <inheritdoc/>
    public void Dispose() => home.Dispose();
}
