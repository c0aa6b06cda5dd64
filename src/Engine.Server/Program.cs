using Engine.Server;

try
{
    EngineServer.Build(args).Run();
    return 0;
}
catch (EngineConfigurationException e)
{
    Console.Error.WriteLine($"engine-server: {e.Message}");
    return 2;
}
catch (StackExchange.Redis.RedisConnectionException e)
{
    Console.Error.WriteLine($"engine-server: cannot reach the cluster's Redis (Engine:Cluster:Redis): {e.Message.Split(". ")[0]}.");
    return 2;
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    Console.Error.WriteLine($"engine-server: {e.Message} Stop what listens there or choose another address (--urls, Engine:HttpUrl).");
    return 2;
}
