using Haarlem.Initiatives.Silo.Storage;
using Npgsql;
using Orleans.Storage;

namespace Haarlem.Initiatives.Silo.Tests.Storage;

public sealed class DeadlockRetryingGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("initiative", "x");

    /// <summary>Fails its first writes with the given PostgreSQL error, then stores.</summary>
    private sealed class FailingStorage(string sqlState, int failures) : IGrainStorage
    {
        public int Writes { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Writes++;
            return Writes <= failures
                ? Task.FromException(new OrleansException("Error writing grain state.", new PostgresException("failed", "ERROR", "ERROR", sqlState)))
                : Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_write_rolled_back_as_a_deadlock_victim_is_tried_again_until_it_is_stored()
    {
        var inner = new FailingStorage(PostgresErrorCodes.DeadlockDetected, failures: 2);

        await new DeadlockRetryingGrainStorage(inner).WriteStateAsync("initiative", Grain, new GrainState<int>());

        inner.Writes.Should().Be(3);
    }

    [Fact]
    public async Task Another_error_is_not_repeated_and_a_deadlock_only_a_few_times()
    {
        var duplicate = new FailingStorage(PostgresErrorCodes.UniqueViolation, failures: 1);
        var deadlocks = new FailingStorage(PostgresErrorCodes.DeadlockDetected, failures: 10);

        var once = () => new DeadlockRetryingGrainStorage(duplicate).WriteStateAsync("initiative", Grain, new GrainState<int>());
        var often = () => new DeadlockRetryingGrainStorage(deadlocks).WriteStateAsync("initiative", Grain, new GrainState<int>());

        (await once.Should().ThrowAsync<OrleansException>()).WithInnerException<PostgresException>().Which.SqlState.Should().Be("23505");
        (await often.Should().ThrowAsync<OrleansException>()).WithInnerException<PostgresException>().Which.SqlState.Should().Be("40P01");
        (duplicate.Writes, deadlocks.Writes).Should().Be((1, DeadlockRetryingGrainStorage.MaxTries));
    }
}
