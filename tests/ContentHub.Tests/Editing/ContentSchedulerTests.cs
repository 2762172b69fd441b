using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using ContentHub.Server.Hosting;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContentHub.Tests.Editing;

/// <summary>
/// The scheduler as a job, with content types that only count the passes handed to them: a pass runs at start-up and
/// then once per interval on the server's clock, passes of one node take turns, a node hands content types nothing
/// while another holds the lease, and every pass gives the lease back, so the next node need not wait for it to lapse.
/// </summary>
public sealed class ContentSchedulerTests(FakeClockContentHubFactory factory) : IClassFixture<FakeClockContentHubFactory>
{
    [Fact]
    public async Task Should_refuse_a_second_pass_on_the_same_node_while_the_first_runs()
    {
        var content = new CountingContent(changes: 2) { HoldFirstPass = true };
        var scheduler = Scheduler(content, new SchedulingOptions());

        var first = scheduler.RunDueAsync(CancellationToken.None);
        await content.FirstPassStarted.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await scheduler.RunDueAsync(CancellationToken.None);
        content.ReleaseFirstPass();

        Assert.Equal((0, 2, 1), (second, await first, content.Passes));
        Assert.Equal(2, await scheduler.RunDueAsync(CancellationToken.None)); // its turn came once the first ended
    }

    [Fact]
    public async Task Should_hand_content_types_nothing_while_another_node_holds_the_lease()
    {
        var content = new CountingContent(changes: 2);
        var scheduler = Scheduler(content, new SchedulingOptions());
        var otherNode = Lease();
        Assert.True(await otherNode.TryTakeAsync(CancellationToken.None));

        var changes = await scheduler.RunDueAsync(CancellationToken.None);
        await otherNode.ReleaseAsync(CancellationToken.None);

        Assert.Equal((0, 0), (changes, content.Passes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_give_the_lease_back_after_a_pass_so_that_another_node_can_act_at_once(bool passFails)
    {
        var content = new CountingContent(changes: 1) { Fails = passFails };
        var scheduler = Scheduler(content, new SchedulingOptions { LeaseSeconds = 3600 });
        var otherNode = Lease();

        var pass = scheduler.RunDueAsync(CancellationToken.None);
        if (passFails)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => pass);
        }
        else
        {
            Assert.Equal(1, await pass);
        }

        Assert.True(await otherNode.TryTakeAsync(CancellationToken.None), "the lease was free at the same instant");
        await otherNode.ReleaseAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(0, 1)] // at least a second apart, however it is configured
    public async Task Should_run_a_pass_at_start_up_and_the_next_once_the_interval_has_passed_on_the_clock(int intervalSeconds, int expectedSeconds)
    {
        var content = new CountingContent(changes: 0);
        using var scheduler = Scheduler(content, new SchedulingOptions { IntervalSeconds = intervalSeconds });
        var step = TimeSpan.FromMilliseconds(250);

        await scheduler.StartAsync(CancellationToken.None);
        await content.FirstPassStarted.WaitAsync(TimeSpan.FromSeconds(30));
        var expected = TimeSpan.FromSeconds(expectedSeconds);
        var advanced = TimeSpan.Zero;
        // The job waits on the fake clock; moving it in small steps finds when the next pass comes: never earlier than
        // the interval, later by the steps taken before the job started its wait (a slow machine: a generous bound).
        while (content.Passes < 2 && advanced < expected + TimeSpan.FromSeconds(60))
        {
            factory.Clock.Advance(step);
            advanced += step;
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        await scheduler.StopAsync(CancellationToken.None);
        Assert.Equal(2, content.Passes);
        Assert.True(advanced >= expected, $"the next pass came after {advanced}, before the interval of {expected}");
    }

    [Fact]
    public async Task Should_run_no_pass_when_scheduling_is_off()
    {
        var content = new CountingContent(changes: 1);
        using var scheduler = Scheduler(content, new SchedulingOptions { Enabled = false });

        await scheduler.StartAsync(CancellationToken.None);
        await scheduler.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30)); // the job ends without waiting for the clock

        Assert.Equal(0, content.Passes);
    }

    private ContentScheduler Scheduler(CountingContent content, SchedulingOptions options) => new(
        [content],
        Lease(options),
        Options.Create(options),
        factory.Clock,
        factory.Services.GetRequiredService<BackgroundWorkMetrics>(),
        NullLogger<ContentScheduler>.Instance);

    /// <summary>A node's hold on the scheduler's lease: each one is another node.</summary>
    private SchedulerLeases Lease(SchedulingOptions? options = null) => new(
        factory.Services.GetRequiredService<IDbContextFactory<ContentHubDbContext>>(),
        factory.Services.GetRequiredService<IDatabaseErrorClassifier>(),
        Options.Create(options ?? new SchedulingOptions()),
        factory.Clock);

    /// <summary>A content type whose passes report <paramref name="changes"/>; the first can be held until released.</summary>
    private sealed class CountingContent(int changes) : IScheduledContent
    {
        private readonly TaskCompletionSource _firstPassStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _firstPassReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _passes;

        public bool HoldFirstPass { get; init; }

        public bool Fails { get; init; }

        public int Passes => Volatile.Read(ref _passes);

        public Task FirstPassStarted => _firstPassStarted.Task;

        public void ReleaseFirstPass() => _firstPassReleased.SetResult();

        public async Task<int> RunDueSchedulesAsync(SchedulerLeases lease, CancellationToken cancellationToken)
        {
            var first = Interlocked.Increment(ref _passes) == 1;
            _firstPassStarted.TrySetResult();
            if (first && HoldFirstPass)
            {
                await _firstPassReleased.Task;
            }

            return Fails ? throw new InvalidOperationException("The pass failed.") : changes;
        }
    }
}
