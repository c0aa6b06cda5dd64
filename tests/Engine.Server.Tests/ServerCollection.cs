namespace Engine.Server.Tests;

/// <summary>All end-to-end tests share one server and run one after another, so pool counters can be checked at rest.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>, ICollectionFixture<SmallLimitsServerFixture>
{
    public const string Name = "server";
}
