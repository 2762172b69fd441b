using GraphQL.Types;

namespace ContentHub.Server.Media;

/// <summary>The <c>Asset</c> type, named so the <c>assets</c> connection can be built over it.</summary>
public sealed class AssetGraphType : AutoRegisteringObjectGraphType<Asset>;
