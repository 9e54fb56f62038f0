package dev.cyberdevstudio.engine.store;

import dev.cyberdevstudio.engine.home.StudioHome;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A separate studio process for {@link StoreProcessesTest}: {@code hold HOME} opens the store and keeps it open until
 * its standard input closes; {@code write HOME} commits one setting and one recent project after another, saying
 * {@code committed N} after each, until it is killed.
 */
final class StoreChild {

    private StoreChild() {
    }

    public static void main(String[] args) throws IOException {
        var home = new StudioHome(Path.of(args[1]));
        switch (StudioStore.open(home)) {
            case StoreOpening.Unavailable(var reason) -> {
                System.out.println("unavailable " + reason);
                System.exit(2);
            }
            case StoreOpening.Opened(var store) -> {
                if (args[0].equals("hold")) {
                    System.out.println("open");
                    System.out.flush();
                    while (System.in.read() >= 0) {
                        Thread.onSpinWait();
                    }
                    store.close();
                    return;
                }
                for (int i = 0; ; i++) {
                    store.settings().put("key-" + i, "value-" + i);
                    store.recentProjects().opened(home.root().resolve("project-" + i));
                    System.out.println("committed " + i);
                    System.out.flush();
                }
            }
        }
    }
}
