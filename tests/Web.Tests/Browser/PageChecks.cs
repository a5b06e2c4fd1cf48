using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Haarlem.Initiatives.Web.Tests.Browser;

/// <summary>What every page state in the browser tests is checked for: axe (WCAG 2.1 AA) and a screenshot kept as an artifact.</summary>
public static class PageChecks
{
    /// <summary>
    /// Signs the page's browser in as a development persona, through the sign-in page as a person would.
    /// Returns once the page after the sign-in has been committed: the redirect that set the cookie has
    /// arrived. It does not wait for that page's load event, because every caller goes to another page
    /// next, and waiting for it made one CI run hang (the client saw "networkidle" but never "load").
    /// </summary>
    public static async Task SignIn(IPage page, string persona)
    {
        await page.GotoAsync("/auth/dev");
        await page.CheckAsync($"#persona-{persona}");
        var signedIn = page.WaitForURLAsync(
            url => !url.Contains("/auth/dev", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Task.WhenAll(signedIn, page.ClickAsync("form button[type=submit]"));
    }

    /// <summary>Screenshots go to artifacts/screenshots in the repository (not committed).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>The axe rules of WCAG 2.0 and 2.1, levels A and AA, that the page breaks, as "rule: target" lines.</summary>
    public static async Task<IReadOnlyList<string>> AxeViolations(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id}: {n.Target} ({v.Help})"))
            .ToList();
    }

    /// <summary>Saves a full-page screenshot named after the state it shows.</summary>
    public static async Task Screenshot(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Checks the page with axe, saves its screenshot, and returns the violations (expected: none).</summary>
    public static async Task<IReadOnlyList<string>> Check(this IPage page, string name)
    {
        await page.Screenshot(name);
        return await page.AxeViolations();
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Haarlem.Initiatives.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? AppContext.BaseDirectory;
    }
}
