using Microsoft.Extensions.Caching.Distributed;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// The second level of the response cache, shared by every node (Redis, see <c>Hosting/Redis</c>): an answer computed
/// on one node is served by the others. Registered only when there is one; without it each node keeps its own answers.
/// </summary>
public sealed record SharedResponseStore(IDistributedCache Cache);
