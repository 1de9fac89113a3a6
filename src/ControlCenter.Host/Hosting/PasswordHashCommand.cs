using ControlCenter.Host.People;

namespace ControlCenter.Host.Hosting;

/// <summary><c>ControlCenter.Host hash-password</c>: reads a password from standard input and prints its hash for Auth:Users.</summary>
public static class PasswordHashCommand
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["hash-password", ..]) return false;
        Console.Error.Write("Password: ");
        var password = Console.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password given.");
            Environment.ExitCode = 2;
            return true;
        }

        Console.WriteLine(UserDirectory.Hash(password));
        return true;
    }
}
