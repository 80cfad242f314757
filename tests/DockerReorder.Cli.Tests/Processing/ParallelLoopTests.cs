using System.Collections.Concurrent;
using DockerReorder.Cli.Processing;

namespace DockerReorder.Cli.Tests.Processing;

/// <summary>The loop that shares files between the cores: every index once, and a failure on any thread reaches the caller.</summary>
public sealed class ParallelLoopTests
{
    [Fact]
    public void Every_index_is_run_exactly_once()
    {
        var seen = new ConcurrentBag<int>();
        ParallelLoop.For(1000, seen.Add);
        Assert.Equal(Enumerable.Range(0, 1000), seen.Order());
    }

    [Fact]
    public void An_exception_on_a_helper_thread_is_rethrown_to_the_caller_instead_of_ending_the_process()
    {
        int caller = Environment.CurrentManagedThreadId;
        // With one core there is no helper thread: the caller's own exception must come through the same way.
        bool helpers = Environment.ProcessorCount > 1;
        using var helperFailed = new ManualResetEventSlim();
        var e = Assert.Throws<InvalidOperationException>(() => ParallelLoop.For(10_000, i =>
        {
            if (!helpers)
            {
                if (i == 3) throw new InvalidOperationException("failed at " + i);
                return;
            }
            if (Environment.CurrentManagedThreadId != caller)
            {
                helperFailed.Set();
                throw new InvalidOperationException("failed at " + i);
            }
            helperFailed.Wait(TimeSpan.FromSeconds(30)); // the caller's indexes wait until a helper has thrown
        }));
        Assert.StartsWith("failed at ", e.Message);
    }

    [Fact]
    public void No_index_is_started_after_a_failure_is_known()
    {
        int started = 0;
        Assert.Throws<InvalidOperationException>(() => ParallelLoop.For(100_000, i =>
        {
            Interlocked.Increment(ref started);
            if (i == 0) throw new InvalidOperationException("first");
            Thread.Sleep(1);
        }));
        Assert.True(started < 100_000, $"{started} of 100,000 indexes started after the first failed");
    }
}
