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
