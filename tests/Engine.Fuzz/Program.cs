using Engine.Fuzz;
using SharpFuzz;

// engine-fuzz TARGET: one target under AFL++ (see fuzz.sh); engine-fuzz TARGET FILE…: replays files.
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: Engine.Fuzz {string.Join('|', FuzzTargets.Names)} [FILE…]");
    return 1;
}

string target = args[0];
if (args.Length > 1)
{
    foreach (string file in args[1..])
    {
        FuzzTargets.Run(target, File.ReadAllBytes(file));
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTargets.Run(target, buffer.ToArray());
});
return 0;
