namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>What every install channel must do to a copy of examples/seed: the same diff and fix as the CLI built in the tree.</summary>
internal static class SeedExpectation
{
    /// <summary>examples/seed/Dockerfile after <c>--write</c>: the dependency manifest is copied before the install, the sources after it.</summary>
    public const string FixedDockerfile = """
        FROM python:3.10-alpine

        # Keep Python from buffering stdout and stderr
        ENV PYTHONUNBUFFERED=1
        ENV APP_HOME=/app
        WORKDIR $APP_HOME

        RUN apk add --no-cache gcc musl-dev
        COPY requirements.txt ./
        RUN pip install --no-cache-dir -r requirements.txt
        COPY . ./

        CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8080"]

        """;

    /// <summary>Runs a shipped docker-reorder on a copy of the seed (dry run, --write, second --write) and checks each step against the in-tree CLI.</summary>
    public static void Check(string shippedExecutable)
    {
        using var shipped = new TempFolder();
        using var inTree = new TempFolder();
        RepositoryCheckout.CopySeed(shipped);
        RepositoryCheckout.CopySeed(inTree);
        var original = shipped.Read("Dockerfile");

        var dryRun = ExternalCommand.Run(shippedExecutable, shipped.Path, []);
        var reference = CliProcess.Run(inTree.Path);
        Assert.True(dryRun.ExitCode == 1, "a dry run with changes due exits 1:\n" + dryRun);
        Assert.Contains("--- a/Dockerfile\n+++ b/Dockerfile\n", dryRun.Stdout);
        Assert.Contains("\n-COPY . ./\n", dryRun.Stdout);
        Assert.Contains("\n+COPY requirements.txt ./\n", dryRun.Stdout);
        Assert.Equal(reference.Stdout, dryRun.Stdout);
        Assert.Equal(original, shipped.Read("Dockerfile"));

        var write = ExternalCommand.Run(shippedExecutable, shipped.Path, ["--write"]);
        Assert.True(write.ExitCode == 0, "--write that fixes everything exits 0:\n" + write);
        Assert.Equal("fixed 1 file\n", write.Stderr);
        Assert.Equal(FixedDockerfile, shipped.Read("Dockerfile"));

        var again = ExternalCommand.Run(shippedExecutable, shipped.Path, ["--write"]);
        Assert.True(again.ExitCode == 0, "a second --write has nothing to do and exits 0:\n" + again);
        Assert.Equal("nothing to change in 1 file\n", again.Stderr);
        Assert.Equal(FixedDockerfile, shipped.Read("Dockerfile"));

        var check = ExternalCommand.Run(shippedExecutable, shipped.Path, ["--check"]);
        Assert.True(check.ExitCode == 0, "--check on the fixed file exits 0:\n" + check);
    }
}
