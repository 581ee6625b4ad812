package dev.egressguard.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Heap use over one stretch of work. Two figures, because neither alone tells the truth:
 * the sum of the heap pools' peaks (an upper bound: young generation fills before it is collected)
 * and the largest heap still in use after a collection (what the work really kept alive).
 */
final class HeapWatch implements NotificationListener {

    record Peak(long usedMb, long liveAfterGcMb, long collections) {
    }

    private final AtomicLong liveAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final Set<String> heapPools = Measure.heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private HeapWatch() {
    }

    static HeapWatch start() {
        System.gc();
        HeapWatch watch = new HeapWatch();
        Measure.heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : watch.collectors) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(watch, null, null);
            }
        }
        return watch;
    }

    Peak stop() {
        try {
            Thread.sleep(200); // notifications arrive on their own thread, a little after the collection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(this);
                } catch (ListenerNotFoundException e) {
                    // never added: nothing to remove
                }
            }
        }
        long peak = Measure.heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Peak(peak >> 20, liveAfterGc.get() >> 20, collections.get());
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        collections.incrementAndGet();
        liveAfterGc.accumulateAndGet(used, Math::max);
    }
}
